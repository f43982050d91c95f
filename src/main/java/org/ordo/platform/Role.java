package org.ordo.platform;

/** What an API key or a person may do. */
public enum Role {
    /** everything, including keys and users */
    ADMIN,
    /** customer service: orders, customers, holds, cancellations */
    AGENT,
    /** stock and fulfilment */
    WAREHOUSE,
    /** a shop, marketplace, ERP or EDI partner: places and reads orders, pushes stock */
    INTEGRATION,
    /** buyers: stock policies, suggestions, purchase orders (place, confirm, change, receive), transfers; no settings */
    PURCHASING
}
