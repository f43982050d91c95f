package org.ordo.platform.security;

import static org.ordo.platform.Role.ADMIN;
import static org.ordo.platform.Role.AGENT;
import static org.ordo.platform.Role.INTEGRATION;
import static org.ordo.platform.Role.PURCHASING;
import static org.ordo.platform.Role.WAREHOUSE;
import static org.ordo.platform.security.AccessRule.of;
import static org.ordo.platform.security.AccessRule.open;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import java.util.stream.Stream;

import org.ordo.platform.Role;

/**
 * Who may call what: the one table of endpoint × role. The API's security chain is built from it and refuses every
 * {@code /api/**} request that no row matches (403 with a key, 401 without), so a new endpoint is closed until it
 * gets a row here; the back office's chain takes its pages without login from it; {@code AccessRulesIntegrationTests}
 * calls every operation of the OpenAPI document with every role and holds it against this table; and the matrix
 * "Who may call what" in docs/security.md is generated from it ({@code AccessMatrixTests}).
 *
 * <p>How a row is decided: by the data the answer exposes or the change it makes. Money, invoices and addresses of
 * customers (invoices, credit notes, documents, messages, payments in and out) are for the people who answer
 * customers (AGENT) and ADMIN. What an order is and where it stands (the order, its shipments, payments' status,
 * download links) is readable by every role, because the warehouse ships it and the shop shows it. Stock is pushed
 * by the warehouse and by integrations (ERP, 3PL). Keys and the invariant check are ADMIN's.
 */
public final class AccessRules {

    private static final Role[] EVERY_ROLE = Role.values();

    /**
     * The API's operations, each exactly as the OpenAPI document names it (method and path template). The order
     * matters only where two patterns could match one path: the first row wins, so literal paths come before
     * templates.
     */
    public static final List<AccessRule> OPERATIONS = List.of(
            of("Orders", GET, "/api/v1/orders", EVERY_ROLE),
            of("Orders", POST, "/api/v1/orders", ADMIN, AGENT, INTEGRATION),
            of("Orders", GET, "/api/v1/orders/{id}", EVERY_ROLE),
            of("Orders", POST, "/api/v1/orders/{id}/cancel", ADMIN, AGENT, INTEGRATION),
            of("Orders", POST, "/api/v1/orders/{id}/hold", ADMIN, AGENT, INTEGRATION),
            of("Orders", POST, "/api/v1/orders/{id}/release-hold", ADMIN, AGENT, INTEGRATION),
            of("Orders", POST, "/api/v1/orders/{id}/changes", ADMIN, AGENT, INTEGRATION),
            of("Orders", GET, "/api/v1/orders/{id}/changes", EVERY_ROLE),

            // The payment status is on the order for everyone; what came in and went back, and booking it, is not.
            of("Payments", GET, "/api/v1/orders/{id}/payments", EVERY_ROLE),
            of("Payments", POST, "/api/v1/payments/bank-transfers", ADMIN, AGENT),
            of("Payments", POST, "/api/v1/payments/bank-statements", ADMIN, AGENT),
            of("Payments", POST, "/api/v1/payments/refunds", ADMIN, AGENT),
            of("Payments", POST, "/api/v1/payments/late-payments/{entry}/reopen", ADMIN, AGENT),
            of("Payments", POST, "/api/v1/payments/late-payments/{entry}/refund", ADMIN, AGENT),
            open("Payments", POST, "/api/v1/payments/webhooks/stripe",
                    "the Stripe-Signature header proves the sender; checked before anything changes"),

            of("Fulfillment", POST, "/api/v1/fulfillment/pick-lists", ADMIN, WAREHOUSE),
            of("Fulfillment", GET, "/api/v1/fulfillment/pick-lists", ADMIN, WAREHOUSE),
            of("Fulfillment", GET, "/api/v1/fulfillment/pick-lists/{id}", ADMIN, WAREHOUSE),
            of("Fulfillment", POST, "/api/v1/fulfillment/pick-lists/{id}/lines/{lineNo}/pick", ADMIN, WAREHOUSE),
            of("Fulfillment", POST, "/api/v1/fulfillment/orders/{orderId}/parcels", ADMIN, WAREHOUSE),
            of("Fulfillment", GET, "/api/v1/fulfillment/orders/{orderId}/parcels", ADMIN, WAREHOUSE),
            of("Fulfillment", POST, "/api/v1/fulfillment/orders/{orderId}/shipments", ADMIN, WAREHOUSE),

            of("Shipping", GET, "/api/v1/orders/{id}/shipments", EVERY_ROLE),
            of("Shipping", GET, "/api/v1/shipping/carriers", ADMIN, WAREHOUSE),
            of("Shipping", PUT, "/api/v1/shipping/carriers/{code}", ADMIN, WAREHOUSE),
            open("Shipping", POST, "/api/v1/shipping/webhooks/tracking",
                    "the signature header proves the carrier; checked before anything changes"),

            of("Digital goods", GET, "/api/v1/orders/{id}/downloads", EVERY_ROLE),
            of("Digital goods", PUT, "/api/v1/digital/assets/{sku}", ADMIN, AGENT),
            open("Digital goods", GET, "/download/{token}", "the link itself is the secret; it expires and allows a few downloads only"),
            open("Digital goods", HEAD, "/download/{token}", "the link itself is the secret; asking for its headers uses up no download"),

            // Invoices, credit notes and stored documents carry the customer's addresses and money: for the people
            // who answer customers, not for the warehouse or an integration (the order shows its totals to them).
            of("Billing", GET, "/api/v1/orders/{id}/invoices", ADMIN, AGENT),
            of("Billing", GET, "/api/v1/invoices/{number}", ADMIN, AGENT),
            of("Billing", GET, "/api/v1/orders/{id}/credit-notes", ADMIN, AGENT),
            of("Billing", GET, "/api/v1/credit-notes/{number}", ADMIN, AGENT),
            of("Billing", GET, "/api/v1/orders/{id}/documents", ADMIN, AGENT),
            of("Billing", GET, "/api/v1/documents/{id}", ADMIN, AGENT),

            // B2B buyers' systems ask for quotes and accept them.
            of("Quotes", POST, "/api/v1/quotes", ADMIN, AGENT, INTEGRATION),
            of("Quotes", GET, "/api/v1/quotes", ADMIN, AGENT, INTEGRATION),
            of("Quotes", GET, "/api/v1/quotes/{id}", ADMIN, AGENT, INTEGRATION),
            of("Quotes", GET, "/api/v1/quotes/{id}/pdf", ADMIN, AGENT, INTEGRATION),
            of("Quotes", POST, "/api/v1/quotes/{id}/send", ADMIN, AGENT, INTEGRATION),
            of("Quotes", POST, "/api/v1/quotes/{id}/accept", ADMIN, AGENT, INTEGRATION),
            of("Quotes", POST, "/api/v1/quotes/{id}/decline", ADMIN, AGENT, INTEGRATION),

            // Messages hold customers' names and addresses: people who answer customers only.
            of("Messages", GET, "/api/v1/orders/{id}/messages", ADMIN, AGENT),
            of("Messages", GET, "/api/v1/messages", ADMIN, AGENT),
            of("Messages", GET, "/api/v1/messages/{id}", ADMIN, AGENT),
            of("Messages", GET, "/api/v1/messages/{id}/attachments", ADMIN, AGENT),
            of("Messages", POST, "/api/v1/messages/{id}/resend", ADMIN, AGENT),

            of("Articles", GET, "/api/v1/articles", EVERY_ROLE),
            of("Articles", GET, "/api/v1/articles/{sku}", EVERY_ROLE),
            of("Articles", POST, "/api/v1/articles", ADMIN, AGENT),
            of("Articles", PUT, "/api/v1/articles/{sku}", ADMIN, AGENT),

            of("Inventory", GET, "/api/v1/locations", EVERY_ROLE),
            of("Inventory", GET, "/api/v1/locations/{code}", EVERY_ROLE),
            of("Inventory", POST, "/api/v1/locations", ADMIN),
            of("Inventory", PUT, "/api/v1/locations/{code}", ADMIN),
            of("Inventory", GET, "/api/v1/inventory/{sku}", EVERY_ROLE),
            of("Inventory", GET, "/api/v1/inventory/{sku}/movements", EVERY_ROLE),
            of("Inventory", POST, "/api/v1/inventory/receipts", ADMIN, WAREHOUSE, INTEGRATION),
            of("Inventory", POST, "/api/v1/inventory/adjustments", ADMIN, WAREHOUSE, INTEGRATION),

            // A shop creates its customers; suppliers are the buyers' business.
            of("Customers and suppliers", GET, "/api/v1/customers", ADMIN, AGENT, INTEGRATION),
            of("Customers and suppliers", GET, "/api/v1/customers/{id}", ADMIN, AGENT, INTEGRATION),
            of("Customers and suppliers", POST, "/api/v1/customers", ADMIN, AGENT, INTEGRATION),
            of("Customers and suppliers", PUT, "/api/v1/customers/{id}", ADMIN, AGENT, INTEGRATION),
            of("Customers and suppliers", GET, "/api/v1/suppliers", ADMIN, AGENT, PURCHASING),
            of("Customers and suppliers", GET, "/api/v1/suppliers/{id}", ADMIN, AGENT, PURCHASING),
            of("Customers and suppliers", POST, "/api/v1/suppliers", ADMIN, AGENT, PURCHASING),
            of("Customers and suppliers", PUT, "/api/v1/suppliers/{id}", ADMIN, AGENT, PURCHASING),

            // Originals as received: e-mails and files with customers' data in them.
            of("Inbound documents", GET, "/api/v1/inbound-documents", ADMIN, AGENT),
            of("Inbound documents", GET, "/api/v1/inbound-documents/{id}", ADMIN, AGENT),
            of("Inbound documents", GET, "/api/v1/inbound-documents/{id}/body", ADMIN, AGENT),
            // What waits for a person: originals with customers' data, decided by the people who answer customers.
            of("Review queue", GET, "/api/v1/review-entries", ADMIN, AGENT),
            of("Review queue", GET, "/api/v1/review-entries/{id}", ADMIN, AGENT),
            of("Review queue", POST, "/api/v1/review-entries/{id}/owner", ADMIN, AGENT),
            of("Review queue", POST, "/api/v1/review-entries/{id}/confirm", ADMIN, AGENT),
            of("Review queue", POST, "/api/v1/review-entries/{id}/reject", ADMIN, AGENT),
            of("Review queue", POST, "/api/v1/review-entries/{id}/resolve", ADMIN, AGENT),
            // Scans of paper orders and faxes, read into the review queue: uploaded by the people who answer customers
            of("Paper and fax", POST, "/api/v1/paper", ADMIN, AGENT),

            // Partners are set up by an admin; their systems send interchanges; what came in and went out carries
            // customers' orders and addresses, for the people who answer customers.
            of("EDI", POST, "/api/v1/edi/partners", ADMIN),
            of("EDI", GET, "/api/v1/edi/partners/{code}", ADMIN),
            of("EDI", PUT, "/api/v1/edi/partners/{code}", ADMIN),
            of("EDI", GET, "/api/v1/edi/partners/{code}/articles", ADMIN),
            of("EDI", PUT, "/api/v1/edi/partners/{code}/articles", ADMIN),
            of("EDI", POST, "/api/v1/edi/interchanges", ADMIN, INTEGRATION),
            of("EDI", GET, "/api/v1/edi/messages", ADMIN, AGENT),
            of("EDI", POST, "/api/v1/edi/messages/{id}/resend", ADMIN, AGENT),
            of("EDI", POST, "/api/v1/edi/interchanges/{id}/reprocess", ADMIN, AGENT),

            // Shops are set up by an admin (their secrets); their platforms send order webhooks signed with the
            // shop's secret; how the shipment reports fare is for the people who answer customers too.
            of("Shop channels", POST, "/api/v1/channels", ADMIN),
            of("Shop channels", GET, "/api/v1/channels", ADMIN),
            of("Shop channels", GET, "/api/v1/channels/{code}", ADMIN),
            of("Shop channels", POST, "/api/v1/channels/{code}/disable", ADMIN),
            of("Shop channels", GET, "/api/v1/channels/{code}/fulfilments", ADMIN, AGENT),
            open("Shop channels", POST, "/api/v1/channels/{code}/webhooks",
                    "the platform's signature with the shop's secret proves the sender; checked before anything changes"),
            open("Shop channels", GET, "/api/v1/channels/{code}/shopware/registration",
                    "Shopware's signature with the app secret proves the sender; checked before anything is kept"),
            open("Shop channels", POST, "/api/v1/channels/{code}/shopware/confirmation",
                    "signed with the shop secret given at registration; checked before anything changes"),
            // Order files come from the people who answer customers and from integrations (an ERP's export); what
            // was found in them names customers and addresses. A source's mapping is set up by the same people.
            of("File imports", POST, "/api/v1/imports/orders", ADMIN, AGENT, INTEGRATION),
            of("File imports", GET, "/api/v1/imports/mappings/orders/{source}", ADMIN, AGENT, INTEGRATION),
            of("File imports", PUT, "/api/v1/imports/mappings/orders/{source}", ADMIN, AGENT, INTEGRATION),
            of("File imports", GET, "/api/v1/imports/orders/{id}", ADMIN, AGENT, INTEGRATION),
            of("File imports", POST, "/api/v1/imports/orders/{id}/commit", ADMIN, AGENT, INTEGRATION),
            // Articles from a file as by POST /api/v1/articles; opening stock as by POST /api/v1/inventory/receipts.
            of("File imports", POST, "/api/v1/imports/articles", ADMIN, AGENT),
            of("File imports", GET, "/api/v1/imports/mappings/articles/{source}", ADMIN, AGENT),
            of("File imports", PUT, "/api/v1/imports/mappings/articles/{source}", ADMIN, AGENT),
            of("File imports", GET, "/api/v1/imports/articles/{id}", ADMIN, AGENT),
            of("File imports", POST, "/api/v1/imports/articles/{id}/commit", ADMIN, AGENT),
            of("File imports", POST, "/api/v1/imports/stock", ADMIN, WAREHOUSE, INTEGRATION),
            of("File imports", GET, "/api/v1/imports/mappings/stock/{source}", ADMIN, WAREHOUSE, INTEGRATION),
            of("File imports", PUT, "/api/v1/imports/mappings/stock/{source}", ADMIN, WAREHOUSE, INTEGRATION),
            of("File imports", GET, "/api/v1/imports/stock/{id}", ADMIN, WAREHOUSE, INTEGRATION),
            of("File imports", POST, "/api/v1/imports/stock/{id}/commit", ADMIN, WAREHOUSE, INTEGRATION),
            // Bins from a file as by PUT /api/v1/locations/{code}/bins/{bin}: setting up bins is the admin's.
            of("File imports", POST, "/api/v1/imports/bins", ADMIN),
            of("File imports", GET, "/api/v1/imports/mappings/bins/{source}", ADMIN),
            of("File imports", PUT, "/api/v1/imports/mappings/bins/{source}", ADMIN),
            of("File imports", GET, "/api/v1/imports/bins/{id}", ADMIN),
            of("File imports", POST, "/api/v1/imports/bins/{id}/commit", ADMIN),

            // Figures over all orders and stock: for the people who run the shop, not for integrations.
            of("Reports", GET, "/api/v1/reports/summary", ADMIN, AGENT),

            // Returns: the shop or an agent announces them, the warehouse takes goods in, agents handle the money.
            of("Returns", POST, "/api/v1/orders/{order}/returns", ADMIN, AGENT, INTEGRATION),
            of("Returns", GET, "/api/v1/orders/{order}/returns", EVERY_ROLE),
            of("Returns", GET, "/api/v1/returns", EVERY_ROLE),
            of("Returns", GET, "/api/v1/returns/{id}", EVERY_ROLE),
            of("Returns", POST, "/api/v1/returns/{id}/cancel", ADMIN, AGENT, INTEGRATION),
            of("Returns", POST, "/api/v1/returns/{id}/receipts", ADMIN, WAREHOUSE),
            of("Returns", POST, "/api/v1/returns/{id}/refund", ADMIN, AGENT),
            of("Returns", POST, "/api/v1/returns/{id}/approval", ADMIN, AGENT),
            of("Returns", GET, "/api/v1/shipments/{id}/packing-slip", ADMIN, AGENT, WAREHOUSE),
            // Quarantined goods leave quarantine only by a person's decision with a reason (invariant 10).
            of("Inventory", POST, "/api/v1/inventory/quarantine/releases", ADMIN, WAREHOUSE),
            of("Inventory", GET, "/api/v1/inventory/{sku}/quarantine", EVERY_ROLE),

            // Purchasing: buyers (PURCHASING, and admins and agents) decide what to buy and may receive what they
            // bought; the warehouse receives; an ERP may place purchase orders and pass on the supplier's confirmation.
            of("Purchasing", PUT, "/api/v1/inventory/{sku}/policy", ADMIN, AGENT, PURCHASING),
            of("Purchasing", GET, "/api/v1/inventory/{sku}/policy", ADMIN, AGENT, WAREHOUSE, PURCHASING),
            of("Purchasing", GET, "/api/v1/purchasing/suggestions", ADMIN, AGENT, PURCHASING),
            of("Purchasing", GET, "/api/v1/purchasing/alerts", ADMIN, AGENT, WAREHOUSE, PURCHASING),
            of("Purchasing", POST, "/api/v1/purchase-orders", ADMIN, AGENT, INTEGRATION, PURCHASING),
            of("Purchasing", GET, "/api/v1/purchase-orders", ADMIN, AGENT, WAREHOUSE, INTEGRATION, PURCHASING),
            of("Purchasing", GET, "/api/v1/purchase-orders/{id}", ADMIN, AGENT, WAREHOUSE, INTEGRATION, PURCHASING),
            of("Purchasing", POST, "/api/v1/purchase-orders/{id}/confirmation", ADMIN, AGENT, INTEGRATION, PURCHASING),
            of("Purchasing", POST, "/api/v1/purchase-orders/{id}/change", ADMIN, AGENT, PURCHASING),
            of("Purchasing", POST, "/api/v1/purchase-orders/{id}/cancel", ADMIN, AGENT, PURCHASING),
            of("Purchasing", POST, "/api/v1/purchase-orders/{id}/close", ADMIN, AGENT, PURCHASING),
            of("Purchasing", POST, "/api/v1/purchase-orders/{id}/receipts", ADMIN, WAREHOUSE, INTEGRATION, PURCHASING),
            // Transfers between locations: buyers and the warehouse ship them; the warehouse receives them.
            of("Transfers", POST, "/api/v1/transfers", ADMIN, AGENT, WAREHOUSE, INTEGRATION, PURCHASING),
            of("Transfers", GET, "/api/v1/transfers", ADMIN, AGENT, WAREHOUSE, INTEGRATION, PURCHASING),
            of("Transfers", GET, "/api/v1/transfers/{id}", ADMIN, AGENT, WAREHOUSE, INTEGRATION, PURCHASING),
            of("Transfers", POST, "/api/v1/transfers/{id}/receipt", ADMIN, WAREHOUSE, INTEGRATION),
            of("Transfers", POST, "/api/v1/transfers/{id}/closure", ADMIN, WAREHOUSE, INTEGRATION, PURCHASING),
            // Cycle counts: the warehouse counts; a second person (admin or warehouse) approves big differences.
            of("Cycle counts", POST, "/api/v1/cycle-counts", ADMIN, WAREHOUSE, INTEGRATION),
            of("Cycle counts", GET, "/api/v1/cycle-counts", ADMIN, AGENT, WAREHOUSE, INTEGRATION, PURCHASING),
            of("Cycle counts", GET, "/api/v1/cycle-counts/{id}", ADMIN, AGENT, WAREHOUSE, INTEGRATION, PURCHASING),
            of("Cycle counts", POST, "/api/v1/cycle-counts/{id}/decision", ADMIN, WAREHOUSE),
            of("Cycle counts", POST, "/api/v1/locations/{code}/bins/{bin}/counts", ADMIN, WAREHOUSE, INTEGRATION),
            // Moving stock between bins is warehouse work (a WMS may do it too); anyone who reads bins may see one's contents.
            of("Bin moves", POST, "/api/v1/locations/{code}/bins/moves", ADMIN, WAREHOUSE, INTEGRATION),
            of("Bin moves", GET, "/api/v1/locations/{code}/bins/{bin}/contents", EVERY_ROLE),

            // Outsourced fulfilment: partners (and their secrets) are set up by an admin; what was requested of them
            // names customers' addresses and margins, for the people who answer customers; the partners' systems
            // sign their reports with the partner's secret.
            of("Outsourced fulfilment", GET, "/api/v1/fulfilment-partners", ADMIN, AGENT, WAREHOUSE),
            of("Outsourced fulfilment", GET, "/api/v1/fulfilment-partners/{location}", ADMIN, AGENT, WAREHOUSE),
            of("Outsourced fulfilment", PUT, "/api/v1/fulfilment-partners/{location}", ADMIN),
            of("Outsourced fulfilment", GET, "/api/v1/fulfilment-partners/{location}/requests", ADMIN, AGENT),
            of("Outsourced fulfilment", GET, "/api/v1/orders/{id}/fulfilment-requests", ADMIN, AGENT),
            of("Outsourced fulfilment", GET, "/api/v1/routing-rules", ADMIN, AGENT, WAREHOUSE),
            of("Outsourced fulfilment", PUT, "/api/v1/routing-rules", ADMIN),
            open("Outsourced fulfilment", POST, "/api/v1/fulfilment-partners/{location}/shipments",
                    "the signature with the partner's secret proves the sender; checked before anything changes"),
            open("Outsourced fulfilment", POST, "/api/v1/fulfilment-partners/{location}/stock-reports",
                    "the signature with the partner's secret proves the sender; checked before anything changes"),
            of("Outsourced fulfilment", POST, "/api/v1/fulfilment-partners/{location}/report-files/shipments", ADMIN, WAREHOUSE),
            of("Outsourced fulfilment", POST, "/api/v1/fulfilment-partners/{location}/report-files/stock", ADMIN, WAREHOUSE),

            // Warehouse space: the warehouse and buyers read it; what an article measures is catalog work, bins are
            // set up by admins; integrations (ERP, WMS) may read where goods go.
            of("Warehouse space", GET, "/api/v1/articles/{sku}/dimensions", EVERY_ROLE),
            of("Warehouse space", PUT, "/api/v1/articles/{sku}/dimensions", ADMIN, AGENT),
            of("Warehouse space", GET, "/api/v1/locations/{code}/bins", EVERY_ROLE),
            of("Warehouse space", PUT, "/api/v1/locations/{code}/bins/{bin}", ADMIN),
            of("Warehouse space", PUT, "/api/v1/locations/{code}/bins", ADMIN),
            of("Warehouse space", GET, "/api/v1/locations/{code}/putaway", ADMIN, WAREHOUSE, INTEGRATION),
            of("Warehouse space", GET, "/api/v1/locations/{code}/utilisation", EVERY_ROLE),
            of("Warehouse space", GET, "/api/v1/locations/{code}/space-forecast", ADMIN, AGENT, WAREHOUSE),
            of("Warehouse space", GET, "/api/v1/locations/{code}/space-forecast/csv", ADMIN, AGENT, WAREHOUSE),
            of("Warehouse space", POST, "/api/v1/locations/{code}/overflow-alerts/{alert}/acknowledgement", ADMIN,
                    WAREHOUSE),

            // Delivery promise: the shop's checkout asks (INTEGRATION) as do people answering customers; the
            // calendars are set by admins and the warehouse (its days, cut-offs, capacity), carriers by admins.
            of("Promise", GET, "/api/v1/promise", EVERY_ROLE),
            of("Promise", POST, "/api/v1/promise", EVERY_ROLE),
            of("Promise", GET, "/api/v1/promise/warehouses", ADMIN, AGENT, WAREHOUSE),
            of("Promise", PUT, "/api/v1/promise/warehouses/{location}", ADMIN, WAREHOUSE),
            of("Promise", GET, "/api/v1/promise/carrier-services", ADMIN, AGENT, WAREHOUSE),
            of("Promise", PUT, "/api/v1/promise/carrier-services/{carrier}/{service}", ADMIN),
            of("Promise", GET, "/api/v1/promise/closing-days", ADMIN, AGENT, WAREHOUSE),
            of("Promise", POST, "/api/v1/promise/closing-days", ADMIN, WAREHOUSE),

            of("Administration", GET, "/api/v1/api-keys", ADMIN),
            of("Administration", POST, "/api/v1/api-keys", ADMIN),
            of("Administration", POST, "/api/v1/api-keys/{id}/revoke", ADMIN),
            of("Administration", GET, "/api/v1/admin/invariants", ADMIN),
            of("Administration", GET, "/api/v1/audit/security-events", ADMIN),

            // Subscriptions send order and stock events out of Ordo and hold a signing secret: an admin's decision.
            of("Webhooks", POST, "/api/v1/webhooks", ADMIN),
            of("Webhooks", GET, "/api/v1/webhooks", ADMIN),
            of("Webhooks", GET, "/api/v1/webhooks/{id}", ADMIN),
            of("Webhooks", POST, "/api/v1/webhooks/{id}/disable", ADMIN),
            of("Webhooks", POST, "/api/v1/webhooks/{id}/enable", ADMIN),
            of("Webhooks", DELETE, "/api/v1/webhooks/{id}", ADMIN),
            of("Webhooks", GET, "/api/v1/webhooks/{id}/deliveries", ADMIN),
            of("Webhooks", GET, "/api/v1/webhooks/{id}/deliveries/{delivery}", ADMIN),
            of("Webhooks", POST, "/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver", ADMIN));

    /** What operators and tools call beside the API: health, metrics, the API's own description. Any method. */
    public static final List<AccessRule> OPERATOR_ENDPOINTS = List.of(
            open("Operations", null, "/actuator/health/**", "for load balancers and probes; shows no details"),
            open("Operations", null, "/actuator/info", "says what the application is; holds no data"),
            of("Operations", null, "/actuator/**", ADMIN),
            open("API description", null, "/v3/api-docs/**", "describes the API; contains no data"),
            open("API description", null, "/v3/api-docs.yaml", "the same description as YAML; contains no data"),
            open("API description", null, "/swagger-ui.html", "describes the API; contains no data"),
            open("API description", null, "/swagger-ui/**", "describes the API; contains no data"));

    /**
     * The pages of the browser's chain that need no login. Every other page needs one; which role may open a screen
     * is declared by the back office's {@code Screen} beans (listed in the same matrix).
     */
    public static final List<AccessRule> OPEN_PAGES = List.of(
            open("Pages", null, "/login", "the login form"),
            open("Pages", null, "/language", "choosing the language before logging in"),
            open("Pages", null, "/track/**", "the customers' tracking page; the token in the link is the secret"),
            open("Pages", null, "/webjars/**", "scripts and styles"),
            open("Pages", null, "/backoffice/**", "scripts and styles"),
            open("Pages", null, "/favicon.ico", "the icon"),
            open("Pages", null, "/error", "the error page"),
            open("Pages", GET, "/shop/logo.png", "the shop's logo, as printed on every document it sends"));

    /** Correcting stock by hand on the inventory screen, which agents may open to read. */
    public static final AccessRule STOCK_ADJUSTMENT_PAGE = of("Inventory screen", POST, "/inventory/adjustments",
            ADMIN, WAREHOUSE);

    /** Placing a purchase order from the suggestions on the purchasing screen, which the warehouse opens to receive. */
    public static final AccessRule PURCHASE_ORDER_PAGE = of("Purchasing screen", POST, "/purchasing/orders",
            ADMIN, AGENT, PURCHASING);

    /** Receiving against a purchase order on the purchasing screen, which agents open to buy. */
    public static final AccessRule PURCHASE_RECEIPT_PAGE = of("Purchasing screen", POST, "/purchasing/receipts",
            ADMIN, WAREHOUSE, PURCHASING);

    /** Scanning an article to receive it on a purchase order's own page: whoever receives. */
    public static final AccessRule PURCHASE_SCAN_PAGE = of("Purchasing screen", POST, "/purchasing/receipts/scan",
            ADMIN, WAREHOUSE, PURCHASING);

    /** Confirming, changing, cancelling or closing a purchase order on its own page, which the warehouse opens to read. */
    public static final AccessRule PURCHASE_ORDER_FORMS = of("Purchasing screen", POST, "/purchasing/orders/*/*",
            ADMIN, AGENT, PURCHASING);

    /** Setting a SKU's stock policy on the purchasing screen, which the warehouse opens to receive. */
    public static final AccessRule STOCK_POLICY_PAGE = of("Purchasing screen", POST, "/purchasing/policies",
            ADMIN, AGENT, PURCHASING);

    /** Receiving a transfer on the transfers screen, which buyers and agents open to ship. */
    public static final AccessRule TRANSFER_RECEIPT_PAGE = of("Transfers screen", POST, "/transfers/*/receipt",
            ADMIN, WAREHOUSE);

    /** Closing a transfer short on the transfers screen, as the API allows it (agents open the screen to ship). */
    public static final AccessRule TRANSFER_CLOSURE_PAGE = of("Transfers screen", POST, "/transfers/*/closure",
            ADMIN, WAREHOUSE, PURCHASING);

    /** Setting a warehouse's calendar on the promise screen, as the API allows it (agents open the screen to read). */
    public static final AccessRule PROMISE_WAREHOUSE_PAGE = of("Promise screen", POST, "/promise/warehouses/*",
            ADMIN, WAREHOUSE);

    /** Creating or changing a carrier service on the promise screen, as the API allows it. */
    public static final AccessRule PROMISE_CARRIER_SERVICE_PAGE = of("Promise screen", POST,
            "/promise/carrier-services", ADMIN);

    /** Closing the company or a warehouse on a day on the promise screen, as the API allows it. */
    public static final AccessRule PROMISE_CLOSING_DAY_PAGE = of("Promise screen", POST, "/promise/closing-days",
            ADMIN, WAREHOUSE);

    /**
     * Actions of the browser's chain narrower than the screen they are on (a screen's roles come from its
     * {@code Screen} bean). They are matched before the screens; the screen shows the action only to these roles.
     */
    public static final List<AccessRule> PAGE_ACTIONS = List.of(STOCK_ADJUSTMENT_PAGE, PURCHASE_ORDER_PAGE,
            PURCHASE_RECEIPT_PAGE, PURCHASE_ORDER_FORMS, PURCHASE_SCAN_PAGE, TRANSFER_RECEIPT_PAGE,
            STOCK_POLICY_PAGE, PROMISE_WAREHOUSE_PAGE, PROMISE_CARRIER_SERVICE_PAGE, PROMISE_CLOSING_DAY_PAGE,
            TRANSFER_CLOSURE_PAGE);

    /** The paths the API's chain answers (with keys and problem answers); the browser's chain takes the rest. */
    public static final List<String> API_CHAIN = List.of("/api/**", "/download/**", "/actuator/**",
            "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**");

    private AccessRules() {
    }

    /** The rows of the API's chain, in the order they are matched. */
    public static List<AccessRule> apiChain() {
        return Stream.concat(OPERATIONS.stream(), OPERATOR_ENDPOINTS.stream()).toList();
    }
}
