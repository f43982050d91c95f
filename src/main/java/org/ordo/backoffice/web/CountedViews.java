package org.ordo.backoffice.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ordo.backoffice.internal.SavedViews;
import org.ordo.backoffice.internal.SavedViews.SavedView;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderQuery;
import org.ordo.platform.Role;
import org.ordo.returns.ReturnManagement;
import org.springframework.stereotype.Component;

/** A person's saved views of the order queue with how many orders each holds now, for the queue and the sidebar. */
@Component
class CountedViews {

    private final SavedViews views;
    private final OrderManagement orders;
    private final ReturnManagement returns;

    CountedViews(SavedViews views, OrderManagement orders, ReturnManagement returns) {
        this.views = views;
        this.orders = orders;
        this.returns = returns;
    }

    /**
     * A saved view with the number of its orders now; {@code count} is null for a view filtered by warehouse,
     * whose orders are known only page by page (reservations are inventory's).
     */
    record CountedView(SavedView view, String href, Long count, boolean changeable) {
    }

    /** The person's views with their counts: the views without a warehouse counted in one statement. */
    List<CountedView> of(Layout.Me me) {
        List<SavedView> seen = views.of(me.username());
        List<OrderQuery> queries = new ArrayList<>();
        List<UUID> openReturns = null;
        for (SavedView v : seen) {
            OrdersController.Filter filter = OrdersController.Filter.parse(v.filter());
            if (filter.warehouse() == null || filter.warehouse().isBlank()) {
                if (filter.openReturns() && openReturns == null) {
                    openReturns = returns.ordersWithOpenReturns();
                }
                queries.add(OrdersController.query(filter, new ArrayList<>(), filter.openReturns() ? openReturns
                        : null));
            }
        }
        List<Long> counts = orders.count(queries);
        List<CountedView> counted = new ArrayList<>();
        int next = 0;
        for (SavedView v : seen) {
            OrdersController.Filter filter = OrdersController.Filter.parse(v.filter());
            Long count = filter.warehouse() == null || filter.warehouse().isBlank() ? counts.get(next++) : null;
            counted.add(new CountedView(v, "/orders" + filter.query(false), count,
                    !v.shared() || me.role() == Role.ADMIN));
        }
        return counted;
    }

}
