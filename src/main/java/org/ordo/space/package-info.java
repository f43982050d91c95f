/**
 * Warehouse space: what articles measure (dimensions, packing units), the bins of each warehouse with their
 * capacities and pick-path order, stock per bin kept equal to the location's on hand, putaway by space (the SKU's
 * own bin, then the nearest bin with room, else the overflow bin with an alert), utilisation, and the space
 * forecast for the next weeks. The API is {@link org.ordo.space.SpaceManagement}; docs/warehouse-space.md explains
 * the rules.
 */
package org.ordo.space;
