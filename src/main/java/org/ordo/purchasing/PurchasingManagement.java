package org.ordo.purchasing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.inventory.InventoryManagement;
import org.ordo.platform.Slice;
import org.springframework.stereotype.Service;

/**
 * Replenishment and purchasing, the module's API (docs/purchasing.md): stock policies ({@link ReorderPolicies}),
 * stock positions with suggestions, stock figures and available to promise ({@link StockPositions}), the one reorder
 * alert per fall below the reorder point ({@link ReorderAlerting}), purchase orders to suppliers
 * ({@link SupplierOrders}) and receiving against their lines ({@link PurchaseReceiving}). Each method says what the
 * class doing the work guarantees; transactions are theirs.
 */
@Service
public class PurchasingManagement {

    /** How goods received against a purchase order line are booked in inventory's ledger (document type). */
    public static final String DOCUMENT_TYPE = "PURCHASE_ORDER";
    /*
     * The limits the checks below apply; the request records state them in the OpenAPI document from these same
     * constants (docs/api/contract.md), so the document and the server cannot disagree.
     */
    /** Lines of a purchase order; line numbers run from 1 to this. */
    public static final int MAX_LINES = 500;
    /** A supplier code, as the party module's supplier codes are at most this long. */
    public static final int MAX_SUPPLIER_CODE = 32;
    /** A location (warehouse) code, as inventory's location codes are at most this long. */
    public static final int MAX_LOCATION_CODE = 16;
    /** A SKU, as the catalog's SKUs are at most this long. */
    public static final int MAX_SKU = 64;
    /** A supplier's article number. */
    public static final int MAX_SUPPLIER_ARTICLE = 64;
    /** A purchase order's note, or the note of a receipt. */
    public static final int MAX_NOTE = 500;
    /** The reason given for changing, cancelling or closing a purchase order short. */
    public static final int MAX_REASON = 200;
    /** The most weeks of past demand a demand-based reorder point looks at. */
    public static final int MAX_DEMAND_WEEKS = 52;
    /** Days from ordering to delivery. */
    public static final int MAX_LEAD_TIME_DAYS = 365;
    /** Any quantity of a policy or an order line (inventory's limit for one movement). */
    public static final long MAX_QUANTITY = InventoryManagement.MAX_QUANTITY;

    /** How many past weeks of demand the dashboard's days of cover use. */
    public static final int COVER_WEEKS = 4;

    private final ReorderPolicies policies;
    private final StockPositions positions;
    private final ReorderAlerting alerting;
    private final SupplierOrders orders;
    private final PurchaseReceiving receiving;

    PurchasingManagement(ReorderPolicies policies, StockPositions positions, ReorderAlerting alerting,
            SupplierOrders orders, PurchaseReceiving receiving) {
        this.policies = policies;
        this.positions = positions;
        this.alerting = alerting;
        this.orders = orders;
        this.receiving = receiving;
    }

    // --- stock policies ---------------------------------------------------------------------------------------

    /** Sets the stock policy of a SKU at a location; 422 naming every faulty field; then checks its reorder point. */
    public StockPolicy setPolicy(String sku, StockPolicyDraft draft) {
        return policies.setPolicy(sku, draft);
    }

    /** The stock policies of a SKU, one per location that has one. */
    public List<StockPolicy> policies(String sku) {
        return policies.policies(sku);
    }

    // --- suggestions, alerts, figures -------------------------------------------------------------------------

    /** What to buy now, grouped by supplier and location; reads, locks nothing. */
    public List<Suggestion> suggestions(String supplierCode, String location) {
        return positions.suggestions(supplierCode, location);
    }

    /** Checks these SKUs against their reorder points: one alert per fall below, cleared when back above. */
    public void watch(Collection<String> skus) {
        alerting.watch(skus);
    }

    /** The dashboard's stock figures: value at purchase price, open alerts, lowest days of cover. */
    public StockFigures stockFigures(int limit) {
        return positions.stockFigures(limit);
    }

    /** Reorder alerts, newest first; only those still open when {@code open}. */
    public List<ReorderAlert> alerts(boolean open, String sku, int limit) {
        return alerting.alerts(open, sku, limit);
    }

    /** Where reorder alerts are mailed (empty: only the back office shows them). */
    public Optional<String> alertRecipient() {
        return alerting.alertRecipient();
    }

    /** The language reorder alerts are mailed in. */
    public String alertLocale() {
        return alerting.alertLocale();
    }

    // --- purchase orders --------------------------------------------------------------------------------------

    /** Places a purchase order by hand or from suggestions, numbered gap-free and mailed to the supplier as PDF. */
    public PurchaseOrder place(PlacePurchaseOrder command) {
        return orders.place(command);
    }

    /** Places the purchase order a dropship supplier ships a customer's order by, once per fulfilment request. */
    public PurchaseOrder placeDropship(DropshipPurchase purchase) {
        return orders.placeDropship(purchase);
    }

    /** The supplier confirmed quantities and dates. Locks the order; 409 once it is closed. */
    public PurchaseOrder confirm(UUID id, ConfirmPurchaseOrder command) {
        return orders.confirm(id, command);
    }

    /** Changes quantities or dates with a reason: a new revision mailed to the supplier. */
    public PurchaseOrder change(UUID id, ChangePurchaseOrder command) {
        return orders.change(id, command);
    }

    /** Cancels an order before anything arrived, with a reason. */
    public PurchaseOrder cancel(UUID id, String reason) {
        return orders.cancel(id, reason);
    }

    /** Closes a partly received order with a reason: nothing more is expected. */
    public PurchaseOrder closeShort(UUID id, String reason) {
        return orders.closeShort(id, reason);
    }

    /** Receives goods against a line, within ordered + tolerance (or recorded beyond it, per policy). */
    public PurchaseOrder receive(UUID id, ReceivePurchase command) {
        return receiving.receive(id, command);
    }

    /** A purchase order with its lines; 404 when there is none. */
    public PurchaseOrder require(UUID id) {
        return orders.require(id);
    }

    /** The PDFs the supplier got of a purchase order, one per revision, the first first. */
    public List<org.ordo.billing.StoredDocument> documents(UUID id) {
        return orders.documents(id);
    }

    /** The id of an order given by id or number; 404 when there is none. */
    public UUID idOf(String idOrNumber) {
        return orders.idOf(idOrNumber);
    }

    /** Purchase orders newest first, keyset-paged; narrowed by status or supplier code when given. */
    public Slice<PurchaseOrder> list(PurchaseOrderStatus status, String supplierCode, String after, int limit) {
        return orders.list(status, supplierCode, after, limit);
    }

    // --- available to promise, checks -------------------------------------------------------------------------

    /** Available to promise of a SKU over time, from today and from each expected receipt. Reads, locks nothing. */
    public List<PromisableStock> availableToPromise(String sku) {
        return positions.availableToPromise(sku);
    }

    /**
     * As {@link #availableToPromise(String)}, from what the caller has read already: the SKU's stock available now
     * over all locations and what is expected to come in ({@code InventoryManagement.expected}). A checkout's
     * promise has both at hand; this reads only the backorders waiting for the SKU.
     */
    public List<PromisableStock> availableToPromise(String sku, long availableNow,
            List<org.ordo.inventory.ExpectedReceipt> expected) {
        return positions.availableToPromise(sku, availableNow, expected);
    }

    /**
     * How many days the goods of a SKU take to come to each location that has a stock policy for it (the policy's
     * lead time, else its supplier's), fastest first. For promising backorders: reads the policies and, where
     * needed, their suppliers; not the article nor the demand that {@link #policies(String)} shows.
     */
    public List<SupplyLeadTime> leadTimes(String sku) {
        return policies.leadTimes(sku);
    }

    /** Available to promise of a SKU on a date (see {@link #availableToPromise(String)}). */
    public long availableToPromise(String sku, LocalDate on) {
        return positions.availableToPromise(sku, on);
    }

    /** Lines that received more than ordered + tolerance (or less than 0); empty when all is well. */
    public List<String> receivedBeyondTolerance() {
        return receiving.receivedBeyondTolerance();
    }
}
