/**
 * Delivery promise: ship-by and deliver-by dates computed from where the goods are (stock, incoming purchase
 * orders, the supplier's lead time), each warehouse's calendar (time zone, working days, cut-offs, handling days,
 * daily capacity), each carrier service's transit and delivery days, public holidays per country and region, and
 * company closing days. Checkouts ask {@link org.ordo.promise.PromiseManagement#promise}; every order placed gets a
 * promise from the same computation through ordering's {@link org.ordo.ordering.DeliveryPromise}, which books the
 * warehouse's capacity for the day. docs/promise.md explains the rules; docs/adr/0008 why ordering asks this
 * module through an interface of its own.
 */
package org.ordo.promise;
