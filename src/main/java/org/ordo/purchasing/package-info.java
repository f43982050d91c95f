/**
 * Purchasing: stock policies per SKU and location (reorder point, target level or reorder quantity, safety stock,
 * preferred supplier, price, pack size, minimum order, lead time), replenishment suggestions and the one reorder
 * alert when a SKU falls below its reorder point, purchase orders with gap-free numbers mailed to the supplier as
 * PDF, and receiving against their lines through inventory's ledger. The API is
 * {@link org.ordo.purchasing.PurchasingManagement}; docs/purchasing.md explains the rules.
 */
package org.ordo.purchasing;
