package org.ordo.ordering;

import org.ordo.platform.Wording;

/**
 * An order's or its fulfilment's status inside a refusal: the API keeps its code ({@code ON_HOLD}), the back office
 * and the customer's pages say it in the reader's language ("angehalten").
 */
final class StatusWording {

    private StatusWording() {
    }

    static Wording of(OrderStatus status) {
        return Wording.of("ordering.status." + status.name());
    }

    static Wording of(FulfillmentStatus status) {
        return Wording.of("ordering.status." + status.name());
    }
}
