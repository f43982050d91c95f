package org.ordo.catalog;

import java.util.Optional;

/**
 * Something that holds an article as it is: stock on hand or reserved, open orders. While anything does, the
 * article may not change its nature (physical or digital) or its currency: stock would be stranded, or orders of
 * a now digital article would skip the stock check. Modules that hold articles implement this; the catalog asks
 * each before such a change, with the article's row locked.
 */
public interface ArticleUsage {

    /** What holds this SKU here, said for a person (e.g. "5 on hand at BER"); empty when nothing does. */
    Optional<String> holding(String sku);
}
