package org.ordo.outsourcing;

/** Who fulfils at an external location. */
public enum PartnerKind {
    /** a third-party (3PL) warehouse holding our goods */
    THIRD_PARTY_WAREHOUSE,
    /** a supplier who ships its own goods straight to our customer (dropship); its stock is its stock feed */
    DROPSHIP_SUPPLIER
}
