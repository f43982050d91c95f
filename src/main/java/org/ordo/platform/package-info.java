/**
 * Shared kernel: money, ids, problem answers, paging cursors, the acting principal, security and the database.
 * Every module may use it; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.ordo.platform;
