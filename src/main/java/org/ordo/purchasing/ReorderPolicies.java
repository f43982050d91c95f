package org.ordo.purchasing;

import static org.ordo.purchasing.PurchasingInput.quantity;
import static org.ordo.purchasing.PurchasingInput.text;
import static org.ordo.purchasing.PurchasingManagement.MAX_DEMAND_WEEKS;
import static org.ordo.purchasing.PurchasingManagement.MAX_LEAD_TIME_DAYS;
import static org.ordo.purchasing.PurchasingManagement.MAX_LOCATION_CODE;
import static org.ordo.purchasing.PurchasingManagement.MAX_SUPPLIER_ARTICLE;
import static org.ordo.purchasing.PurchasingManagement.MAX_SUPPLIER_CODE;

import java.util.ArrayList;
import java.util.List;

import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.party.PartyManagement;
import org.ordo.party.Supplier;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.Wording;
import org.ordo.purchasing.internal.StockPolicies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock policies per SKU and location (docs/purchasing.md#stock-policy-per-article-and-warehouse): what is checked when
 * one is set, and how one reads with its supplier, lead time and demand-based reorder point.
 */
@Service
class ReorderPolicies {

    private final StockPolicies policies;
    private final StockPositions positions;
    private final ReorderAlerting alerting;
    private final InventoryManagement inventory;
    private final PartyManagement parties;
    private final Catalog catalog;

    ReorderPolicies(StockPolicies policies, StockPositions positions, ReorderAlerting alerting,
            InventoryManagement inventory, PartyManagement parties, Catalog catalog) {
        this.policies = policies;
        this.positions = positions;
        this.alerting = alerting;
        this.inventory = inventory;
        this.parties = parties;
        this.catalog = catalog;
    }

    /**
     * Sets the stock policy of a SKU at a location (replacing the one there was); 422 naming every faulty field.
     * Then checks the SKU against its reorder point, as a new policy may put it below.
     */
    @Transactional
    public StockPolicy setPolicy(String sku, StockPolicyDraft d) {
        catalog.require(sku);
        if (d == null) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_the_policy_as_json"));
        }
        List<FieldError> errors = new ArrayList<>();
        String location = d.location() == null ? null : d.location().trim();
        if (location == null || location.isEmpty()) {
            errors.add(new FieldError("location", Wording.of("purchasing.is_required_the_location_warehouse_code")));
        } else if (location.length() > MAX_LOCATION_CODE) {
            errors.add(new FieldError("location", Wording.of("platform.must_be_at_most_characters",
                    MAX_LOCATION_CODE)));
        } else if (inventory.locations().stream().noneMatch(l -> l.code().equals(location))) {
            errors.add(new FieldError("location", Wording.of("purchasing.is_not_a_known_location", location)));
        }
        quantity(errors, "reorderPoint", d.reorderPoint(), 0, true);
        quantity(errors, "targetLevel", d.targetLevel(), 1, false);
        quantity(errors, "reorderQuantity", d.reorderQuantity(), 1, false);
        quantity(errors, "safetyStock", d.safetyStock(), 0, false);
        quantity(errors, "packSize", d.packSize(), 1, false);
        quantity(errors, "minimumOrder", d.minimumOrder(), 1, false);
        if ((d.targetLevel() == null) == (d.reorderQuantity() == null)) {
            errors.add(new FieldError(d.targetLevel() == null ? "targetLevel" : "reorderQuantity",
                    Wording.of("purchasing.give_exactly_one_of_targetlevel_order")));
        }
        if (d.targetLevel() != null && d.reorderPoint() != null && d.targetLevel() <= d.reorderPoint()) {
            errors.add(new FieldError("targetLevel", Wording.of("purchasing.must_be_above_the_reorder_point")));
        }
        if (d.safetyStock() != null && d.reorderPoint() != null && d.safetyStock() > d.reorderPoint()) {
            errors.add(new FieldError("safetyStock", Wording.of("purchasing.must_not_be_above_the_reorder")));
        }
        if (d.demandWeeks() != null && (d.demandWeeks() < 1 || d.demandWeeks() > MAX_DEMAND_WEEKS)) {
            errors.add(new FieldError("demandWeeks", Wording.of("platform.must_be_between_1_and", MAX_DEMAND_WEEKS)));
        }
        if (d.leadTimeDays() != null && (d.leadTimeDays() < 0 || d.leadTimeDays() > MAX_LEAD_TIME_DAYS)) {
            errors.add(new FieldError("leadTimeDays", Wording.of("platform.must_be_between_0_and",
                    MAX_LEAD_TIME_DAYS)));
        }
        Supplier supplier = null;
        if (d.supplier() != null && d.supplier().length() > MAX_SUPPLIER_CODE) {
            errors.add(new FieldError("supplier", Wording.of("platform.must_be_at_most_characters",
                    MAX_SUPPLIER_CODE)));
        } else if (d.supplier() != null) {
            supplier = parties.findSupplier(d.supplier()).orElse(null);
            if (supplier == null) {
                errors.add(new FieldError("supplier", Wording.of("purchasing.is_not_a_known_supplier_code",
                        d.supplier())));
            }
        }
        String article = text(errors, "supplierArticle", d.supplierArticle(), MAX_SUPPLIER_ARTICLE);
        if (article != null && d.supplier() == null) {
            errors.add(new FieldError("supplierArticle", Wording.of("purchasing.needs_a_supplier")));
        }
        Money price = null;
        if (d.purchasePrice() != null) {
            try {
                price = d.purchasePrice().toMoney("purchasePrice");
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        policies.put(new StockPolicies.Row(sku, location, d.reorderPoint(), d.targetLevel(), d.reorderQuantity(),
                d.safetyStock() == null ? 0 : d.safetyStock(), supplier == null ? null : supplier.id(), article,
                price == null ? null : price.amount(), price == null ? null : price.currency(),
                d.packSize() == null ? 1 : d.packSize(), d.minimumOrder() == null ? 1 : d.minimumOrder(),
                d.leadTimeDays(), null, d.overDelivery() == null ? OverDelivery.REFUSE : d.overDelivery(),
                d.demandWeeks()));
        alerting.watch(List.of(sku));
        return view(policies.find(sku, location).orElseThrow());
    }

    /** The stock policies of a SKU, one per location that has one. */
    public List<StockPolicy> policies(String sku) {
        catalog.require(sku);
        return policies.of(sku).stream().map(this::view).toList();
    }

    /** See {@link PurchasingManagement#leadTimes(String)}: a supplier is read once, and only for a policy without its own. */
    public List<SupplyLeadTime> leadTimes(String sku) {
        java.util.Map<java.util.UUID, Supplier> suppliers = new java.util.HashMap<>();
        return policies.of(sku).stream().map(r -> new SupplyLeadTime(r.sku(), r.location(), StockPositions.leadTime(r,
                r.leadTimeDays() != null || r.supplierId() == null ? null
                        : suppliers.computeIfAbsent(r.supplierId(), parties::requireSupplier))))
                .sorted(java.util.Comparator.comparingInt(SupplyLeadTime::days).thenComparing(SupplyLeadTime::location))
                .toList();
    }

    private StockPolicy view(StockPolicies.Row r) {
        Supplier supplier = r.supplierId() == null ? null : parties.requireSupplier(r.supplierId());
        return new StockPolicy(r.sku(), r.location(), r.reorderPoint(), r.targetLevel(), r.reorderQuantity(),
                r.safetyStock(), supplier == null ? null : supplier.code(), r.supplierArticle(),
                r.purchasePrice() == null ? null : new Money(r.purchasePrice(), r.currency()), r.packSize(),
                r.minimumOrder(), r.leadTimeDays(), StockPositions.leadTime(r, supplier), r.updatedAt(),
                r.overDelivery(), r.demandWeeks(), positions.demand(r, supplier));
    }
}
