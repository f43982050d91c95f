/**
 * Articles (SKUs): physical or digital, price and currency, tax rate, weight, names per locale, whether
 * they may be backordered. The API is {@link org.ordo.catalog.Catalog}.
 */
package org.ordo.catalog;
