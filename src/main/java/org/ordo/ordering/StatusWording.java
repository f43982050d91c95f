package org.ordo.ordering;

import org.ordo.platform.Wording;

/**
 * An order's or its fulfilment's status inside a refusal, said as a person would: "on hold" in the API's English,
 * "angehalten" on a German page; the problem's properties carry the code ({@code ON_HOLD}).
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
