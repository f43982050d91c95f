/**
 * Carriers (with their tracking page), shipments with tracking numbers, and tracking events coming in through
 * a signed webhook. It tells ordering what shipped and what arrived. The API is
 * {@link org.ordo.shipping.ShippingManagement}.
 */
package org.ordo.shipping;
