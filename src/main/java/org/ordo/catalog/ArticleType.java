package org.ordo.catalog;

/** Physical goods are stocked and shipped; digital goods are delivered as downloads and never run out. */
public enum ArticleType {
    PHYSICAL, DIGITAL
}
