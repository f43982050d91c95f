package org.ordo.outsourcing;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which way an article's (or a channel's, or every) order is fulfilled: the order in which own warehouses, 3PLs and
 * dropship suppliers give their stock. An article's rule wins over its order's channel's, that over the default.
 */
@Schema(name = "RoutingRule")
public record RoutingRule(
        @Schema(maxLength = MAX_ARTICLE, description = "the SKU the rule is for; null for a channel's rule or the default")
        String article,
        @Schema(maxLength = 20, description = "the order channel the rule is for (web, shopify, edi, ...); null for an article's rule or the default")
        String channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Strategy strategy,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant updatedAt) {

    /** The longest SKU (the catalog's limit). */
    static final int MAX_ARTICLE = 64;

    /** How locations are ranked; within a rank, by priority (lower first). */
    public enum Strategy {
        /** by priority alone, as without a rule */
        PRIORITY,
        /** own warehouses, then 3PLs, then dropship suppliers */
        OWN_FIRST,
        /** 3PLs, then own warehouses, then dropship suppliers */
        THIRD_PARTY_FIRST,
        /** dropship suppliers, then own warehouses, then 3PLs */
        DROPSHIP_FIRST,
        /** the lowest cost per unit first: own stock counts 0 (it is paid for), a partner its unit cost from its stock reports, unknown last */
        LOWEST_COST
    }
}
