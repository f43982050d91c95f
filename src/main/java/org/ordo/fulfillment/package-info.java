/**
 * The warehouse's work: pick lists (waves) per location from released orders, picking with a scanned SKU
 * (issuing stock from the ledger, short picks reallocated or backordered), packing into parcels, and handing
 * parcels to shipping. The API is {@link org.ordo.fulfillment.FulfillmentManagement}.
 */
package org.ordo.fulfillment;
