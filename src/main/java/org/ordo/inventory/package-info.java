/**
 * Locations (warehouses with a priority), stock levels per SKU and location, the append-only stock ledger,
 * reservations for orders and available-to-promise. The API is {@link org.ordo.inventory.InventoryManagement}.
 */
package org.ordo.inventory;
