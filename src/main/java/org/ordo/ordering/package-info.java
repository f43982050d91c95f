/**
 * Orders: lines, server-computed totals, the three status dimensions and their allowed transitions, the
 * timeline of every change, cancellation and the queue. The API is {@link org.ordo.ordering.OrderManagement}.
 */
package org.ordo.ordering;
