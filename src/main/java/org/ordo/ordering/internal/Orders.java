package org.ordo.ordering.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.ordering.FulfillmentStatus;
import org.ordo.ordering.HoldKind;
import org.ordo.ordering.OrderReleased;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.ordering.Pricing;
import org.ordo.ordering.TimelineReason;
import org.ordo.platform.Address;
import org.ordo.platform.Json;
import org.ordo.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** Orders, their lines and their timeline, in SQL. */
@Repository
public class Orders {

    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    Orders(JdbcClient jdbc, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The application's time, not the database's: tests move it, the demo data places orders on past days. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** The row of a new order. */
    public record NewOrder(UUID id, String number, String channel, String externalRef, UUID customerId,
            String customerEmail, String customerName, String locale, String currency, String paymentMethod,
            FulfillmentStatus fulfillmentStatus, Address shippingAddress, Address billingAddress, Money net,
            Money tax, Money gross, String note, Instant promisedAt, UUID inboundDocumentId, String createdBy,
            LocalDate shipBy, LocalDate deliverBy) {
    }

    /** The row of a new line. */
    public record NewLine(int lineNo, String sku, String name, String type, long quantity, Money unitPrice,
            BigDecimal taxRate, boolean priceIncludesTax, Pricing.Amounts amounts, long reserved,
            long backordered) {
    }

    /** The state of an order, locked for this transaction. */
    public record Locked(UUID id, String number, OrderStatus status, PaymentStatus paymentStatus,
            FulfillmentStatus fulfillmentStatus, String paymentMethod, UUID customerId, String currency,
            Money gross, Money paid, boolean released, String shippingCountry, String billingCountry) {
    }

    /** A new order number, and the order this channel already sent with this external reference, if any. */
    public record Numbered(String number, UUID existing) {
    }

    /** Draws the next order number and looks for an earlier order with the same external reference: one query. */
    public Numbered nextNumber(String channel, String externalRef) {
        return jdbc.sql("""
                SELECT nextval('order_number_seq') AS n,
                       (SELECT id FROM customer_order WHERE channel = :channel AND external_ref = :ref) AS existing
                """).param("channel", channel).param("ref", externalRef)
                .query((rs, n) -> new Numbered("SO-" + rs.getLong("n"), rs.getObject("existing", UUID.class)))
                .single();
    }

    /**
     * Draws order numbers for a batch of orders and looks for the orders their channels already sent under their
     * references, in one statement: one {@link Numbered} per (channel, reference) given, in their order, the numbers
     * increasing as {@link #nextNumber} would have drawn them one by one.
     */
    public List<Numbered> nextNumbers(List<String> channels, List<String> externalRefs) {
        List<long[]> rows = new ArrayList<>();
        List<UUID> existing = new ArrayList<>();
        jdbc.sql("""
                SELECT c.n, nextval('order_number_seq') AS number,
                       (SELECT id FROM customer_order o WHERE o.channel = c.channel AND o.external_ref = c.ref)
                           AS existing
                FROM unnest(CAST(:channel AS text[]), CAST(:ref AS text[])) WITH ORDINALITY AS c(channel, ref, n)
                """).param("channel", channels.toArray(String[]::new)).param("ref", externalRefs.toArray(String[]::new))
                .query(rs -> {
                    rows.add(new long[] {rs.getLong("n"), rs.getLong("number"), existing.size()});
                    existing.add(rs.getObject("existing", UUID.class));
                });
        // the numbers in the order of the orders, whatever order the rows came in
        long[] numbers = rows.stream().mapToLong(r -> r[1]).sorted().toArray();
        rows.sort(java.util.Comparator.comparingLong(r -> r[0]));
        List<Numbered> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(new Numbered("SO-" + numbers[i], existing.get((int) rows.get(i)[2])));
        }
        return numbered;
    }

    /** A timeline entry to write. */
    public record NewEntry(String actor, String dimension, String from, String to, TimelineReason reason) {
    }

    /**
     * A new order's rows as they are written: the order, its lines, its timeline as placed and the release (null:
     * none) decided before the insert, stamped {@code at}; the same for an order written alone ({@link #insert}) and
     * for one of a batch written with the others ({@link #insertAll}).
     */
    public record NewRows(NewOrder order, List<NewLine> lines, List<NewEntry> placed, ReleaseAtInsert release,
            Instant at, Instant promisedAt) {

        /** The entries written: those of the placement, then the release's. */
        List<NewEntry> timeline() {
            if (release == null) {
                return placed;
            }
            List<NewEntry> timeline = new ArrayList<>(placed);
            timeline.add(release.entry());
            return timeline;
        }

        FulfillmentStatus fulfillment() {
            return release == null ? order.fulfillmentStatus() : release.fulfillment();
        }

        /** The order as {@link #find} reads it once written (without reservations), as placed, before the release. */
        public OrderView view() {
            return written(order, lines, placed, at, promisedAt);
        }
    }

    /** The rows of a new order, stamped now, to the microsecond the database keeps. */
    public NewRows rows(NewOrder o, List<NewLine> lines, List<NewEntry> placed, ReleaseAtInsert release) {
        return new NewRows(o, lines, placed, release, clock.instant().truncatedTo(ChronoUnit.MICROS),
                o.promisedAt().truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Writes a new order with its lines and first timeline entries in one statement (one round trip), the statement
     * of a batch's orders ({@link #insertAll}) with one order. Empty, and
     * nothing written, when the channel already sent an order with this external reference; else the order as
     * {@link #find} reads it afterwards (without reservations), built from what was written instead of read back:
     * the stamps are taken to the microsecond the database keeps, the defaults are the columns' (docs/benchmarks.md,
     * P4). With {@code release} (null: none) the order is written released in the same statement; the order
     * answered is the order as placed, before the release (what the listeners of {@code OrderPlaced} get).
     */
    public Optional<OrderView> insert(NewOrder o, List<NewLine> lines, List<NewEntry> placed, ReleaseAtInsert release) {
        NewRows rows = rows(o, lines, placed, release);
        return insertAll(List.of(rows)).contains(o.id()) ? Optional.of(rows.view()) : Optional.empty();
    }

    /**
     * The shipping and billing addresses of orders as JSON, parallel to the orders. An order billed where it ships
     * (the same address or an equal one, as every EDI order is) has its address written as JSON once, for both
     * columns: the same text as writing each, at half the cost.
     */
    record AddressesJson(String[] shipping, String[] billing) {

        static AddressesJson of(List<NewOrder> orders, java.util.function.Function<Object, String> write) {
            String[] shipping = new String[orders.size()];
            String[] billing = new String[orders.size()];
            for (int i = 0; i < orders.size(); i++) {
                NewOrder o = orders.get(i);
                shipping[i] = write.apply(o.shippingAddress());
                billing[i] = java.util.Objects.equals(o.billingAddress(), o.shippingAddress()) ? shipping[i]
                        : write.apply(o.billingAddress());
            }
            return new AddressesJson(shipping, billing);
        }
    }

    /**
     * Writes the rows of a batch's orders, each as {@link #insert} writes one, in one statement for all
     * (docs/benchmarks.md, P4): the orders, then their lines and timeline entries in the order given. An order whose
     * channel already sent its external reference (another transaction wrote it since the batch looked) is not
     * written, nor are its lines and entries. Answers the ids of the orders written.
     */
    public java.util.Set<UUID> insertAll(List<NewRows> batch) {
        List<NewOrder> o = batch.stream().map(NewRows::order).toList();
        List<NewLine> lines = new ArrayList<>();
        List<UUID> lineOrders = new ArrayList<>();
        List<NewEntry> entries = new ArrayList<>();
        List<UUID> entryOrders = new ArrayList<>();
        List<Timestamp> entryAt = new ArrayList<>();
        for (NewRows r : batch) {
            r.lines().forEach(l -> {
                lines.add(l);
                lineOrders.add(r.order().id());
            });
            r.timeline().forEach(e -> {
                entries.add(e);
                entryOrders.add(r.order().id());
                entryAt.add(Timestamp.from(r.at()));
            });
        }
        AddressesJson addresses = AddressesJson.of(o, json::write);
        JdbcClient.StatementSpec spec = jdbc.sql("""
                WITH o AS (
                    INSERT INTO customer_order (id, number, channel, external_ref, customer_id, customer_email,
                        customer_name, locale, currency, payment_method, status, payment_status, fulfillment_status,
                        shipping_address, billing_address, net, tax, gross, note, promised_at, inbound_document_id,
                        created_by, created_at, updated_at, ship_by, deliver_by, released_at)
                    SELECT x.id, x.number, x.channel, x.external_ref, x.customer_id, x.email, x.name, x.locale,
                        x.currency, x.payment_method, 'OPEN', 'PENDING', x.fulfillment, CAST(x.shipping AS jsonb),
                        CAST(x.billing AS jsonb), x.net, x.tax, x.gross, x.note, x.promised_at, x.document,
                        x.created_by, x.at, x.at, x.ship_by, x.deliver_by, x.released_at
                    FROM unnest(CAST(:id AS uuid[]), CAST(:number AS text[]), CAST(:channel AS text[]),
                        CAST(:externalRef AS text[]), CAST(:customerId AS uuid[]), CAST(:email AS text[]),
                        CAST(:name AS text[]), CAST(:locale AS text[]), CAST(:currency AS text[]),
                        CAST(:paymentMethod AS text[]), CAST(:fulfillment AS text[]), CAST(:shipping AS text[]),
                        CAST(:billing AS text[]), CAST(:net AS numeric[]), CAST(:tax AS numeric[]),
                        CAST(:gross AS numeric[]), CAST(:note AS text[]), CAST(:promisedAt AS timestamptz[]),
                        CAST(:document AS uuid[]), CAST(:createdBy AS text[]), CAST(:at AS timestamptz[]),
                        CAST(:shipBy AS date[]), CAST(:deliverBy AS date[]), CAST(:releasedAt AS timestamptz[]))
                        WITH ORDINALITY AS x(id, number, channel, external_ref, customer_id, email, name, locale,
                            currency, payment_method, fulfillment, shipping, billing, net, tax, gross, note,
                            promised_at, document, created_by, at, ship_by, deliver_by, released_at, n)
                    ORDER BY x.n
                    ON CONFLICT (channel, external_ref) WHERE external_ref IS NOT NULL DO NOTHING
                    RETURNING id),
                line AS (
                    INSERT INTO order_line (order_id, line_no, sku, name, type, quantity, unit_price, tax_rate,
                        price_includes_tax, net, tax, gross, reserved, backordered)
                    SELECT l.* FROM unnest(CAST(:lineOrder AS uuid[]), CAST(:lineNo AS int[]), CAST(:sku AS text[]),
                        CAST(:lineName AS text[]), CAST(:type AS text[]), CAST(:quantity AS bigint[]),
                        CAST(:unitPrice AS numeric[]), CAST(:taxRate AS numeric[]), CAST(:includesTax AS boolean[]),
                        CAST(:lineNet AS numeric[]), CAST(:lineTax AS numeric[]), CAST(:lineGross AS numeric[]),
                        CAST(:reserved AS bigint[]), CAST(:backordered AS bigint[]))
                        AS l(order_id, line_no, sku, name, type, quantity, unit_price, tax_rate, price_includes_tax,
                            net, tax, gross, reserved, backordered)
                    WHERE l.order_id IN (SELECT id FROM o)),
                entry AS (
                    INSERT INTO order_timeline (order_id, at, actor, dimension, from_status, to_status, reason,
                        reason_code, reason_args)
                    SELECT t.order_id, t.at, t.actor, t.dimension, t.from_status, t.to_status, t.reason, t.code,
                        CAST(t.args AS jsonb)
                    FROM unnest(CAST(:tOrder AS uuid[]), CAST(:tAt AS timestamptz[]), CAST(:tActor AS text[]),
                        CAST(:tDimension AS text[]), CAST(:tFrom AS text[]), CAST(:tTo AS text[]),
                        CAST(:tReason AS text[]), CAST(:tCode AS text[]), CAST(:tArgs AS text[]))
                        WITH ORDINALITY AS t(order_id, at, actor, dimension, from_status, to_status, reason, code,
                            args, n)
                    WHERE t.order_id IN (SELECT id FROM o)
                    ORDER BY t.n)
                SELECT id FROM o
                """)
                .param("id", o.stream().map(NewOrder::id).toArray(UUID[]::new))
                .param("number", o.stream().map(NewOrder::number).toArray(String[]::new))
                .param("channel", o.stream().map(NewOrder::channel).toArray(String[]::new))
                .param("externalRef", o.stream().map(NewOrder::externalRef).toArray(String[]::new))
                .param("customerId", o.stream().map(NewOrder::customerId).toArray(UUID[]::new))
                .param("email", o.stream().map(NewOrder::customerEmail).toArray(String[]::new))
                .param("name", o.stream().map(NewOrder::customerName).toArray(String[]::new))
                .param("locale", o.stream().map(NewOrder::locale).toArray(String[]::new))
                .param("currency", o.stream().map(NewOrder::currency).toArray(String[]::new))
                .param("paymentMethod", o.stream().map(NewOrder::paymentMethod).toArray(String[]::new))
                .param("fulfillment", batch.stream().map(r -> r.fulfillment().name()).toArray(String[]::new))
                .param("shipping", addresses.shipping()).param("billing", addresses.billing())
                .param("net", o.stream().map(x -> x.net().amount().toPlainString()).toArray(String[]::new))
                .param("tax", o.stream().map(x -> x.tax().amount().toPlainString()).toArray(String[]::new))
                .param("gross", o.stream().map(x -> x.gross().amount().toPlainString()).toArray(String[]::new))
                .param("note", o.stream().map(NewOrder::note).toArray(String[]::new))
                .param("promisedAt", batch.stream().map(r -> Timestamp.from(r.promisedAt())).toArray(Timestamp[]::new))
                .param("document", o.stream().map(NewOrder::inboundDocumentId).toArray(UUID[]::new))
                .param("createdBy", o.stream().map(NewOrder::createdBy).toArray(String[]::new))
                .param("at", batch.stream().map(r -> Timestamp.from(r.at())).toArray(Timestamp[]::new))
                .param("shipBy", o.stream().map(x -> x.shipBy() == null ? null : x.shipBy().toString())
                        .toArray(String[]::new))
                .param("deliverBy", o.stream().map(x -> x.deliverBy() == null ? null : x.deliverBy().toString())
                        .toArray(String[]::new))
                .param("releasedAt", batch.stream().map(r -> r.release() == null ? null : Timestamp.from(r.at()))
                        .toArray(Timestamp[]::new))
                .param("lineOrder", lineOrders.toArray(UUID[]::new))
                .param("tOrder", entryOrders.toArray(UUID[]::new))
                .param("tAt", entryAt.toArray(Timestamp[]::new));
        return new java.util.HashSet<>(withTimeline(withLines(spec, lines), entries).query(UUID.class).list());
    }

    /** Binds timeline entries as the arrays that {@code unnest(...)} reads. */
    private JdbcClient.StatementSpec withTimeline(JdbcClient.StatementSpec spec, List<NewEntry> timeline) {
        return spec
                .param("tActor", timeline.stream().map(NewEntry::actor).toArray(String[]::new))
                .param("tDimension", timeline.stream().map(NewEntry::dimension).toArray(String[]::new))
                .param("tFrom", timeline.stream().map(NewEntry::from).toArray(String[]::new))
                .param("tTo", timeline.stream().map(NewEntry::to).toArray(String[]::new))
                .param("tReason", timeline.stream().map(e -> e.reason().text()).toArray(String[]::new))
                .param("tCode", timeline.stream().map(e -> e.reason().code()).toArray(String[]::new))
                .param("tArgs", timeline.stream().map(e -> arguments(e.reason())).toArray(String[]::new));
    }

    /**
     * The payment gate's release decided before the order is written ({@code OrderLifecycle}): the order is inserted
     * released, as what {@link #releasedAs} says (the rule {@link #releaseRecorded} applies to the lines it reads
     * back), with the release's timeline entry after the others; its row is written once, never updated in the
     * placing transaction (docs/benchmarks.md, P4).
     */
    public record ReleaseAtInsert(FulfillmentStatus fulfillment, NewEntry entry) {
    }

    /**
     * What an order with these lines goes to the warehouse as when it is released: BACKORDERED when physical units
     * are ordered, none of them is reserved and some are backordered, else RELEASED. {@link #releaseRecorded} applies
     * the same rule in SQL to the lines it reads back (ReleaseAtInsertIntegrationTests holds the two together).
     */
    public static FulfillmentStatus releasedAs(List<NewLine> lines) {
        long ordered = 0;
        long reserved = 0;
        long backordered = 0;
        for (NewLine l : lines) {
            if ("PHYSICAL".equals(l.type())) {
                ordered += l.quantity();
                reserved += l.reserved();
                backordered += l.backordered();
            }
        }
        return ordered > 0 && reserved == 0 && backordered > 0 ? FulfillmentStatus.BACKORDERED
                : FulfillmentStatus.RELEASED;
    }

    /** A new order as {@link #find} reads it once written at {@code at}: the columns' defaults, no reservations. */
    private static OrderView written(NewOrder o, List<NewLine> lines, List<NewEntry> timeline, Instant at,
            Instant promisedAt) {
        String currency = o.currency();
        List<OrderView.Line> viewLines = lines.stream().map(l -> new OrderView.Line(l.lineNo(), l.sku(), l.name(),
                l.type(), l.quantity(), l.unitPrice(), plain(l.taxRate()), l.priceIncludesTax(), l.amounts().net(),
                l.amounts().tax(), l.amounts().gross(), l.reserved(), l.backordered(), 0)).toList();
        List<OrderView.TimelineEntry> entries = timeline.stream().map(e -> new OrderView.TimelineEntry(at,
                e.actor(), e.dimension(), e.from(), e.to(), e.reason().text(), e.reason().code(),
                e.reason().code() == null ? List.of() : e.reason().arguments())).toList();
        return new OrderView(o.id(), o.number(), o.channel(), o.externalRef(), OrderStatus.OPEN, PaymentStatus.PENDING,
                o.fulfillmentStatus(), new OrderView.CustomerRef(o.customerId(), o.customerEmail(), o.customerName(),
                        o.locale()), currency, o.paymentMethod(), o.shippingAddress(), o.billingAddress(), viewLines,
                new OrderView.Totals(o.net(), o.tax(), o.gross(), Pricing.ROUNDING), Money.zero(currency), null, null,
                promisedAt, o.note(), o.inboundDocumentId(), o.createdBy(), at, at, List.of(), entries, 1, null,
                o.shipBy(), o.deliverBy(), List.of());
    }

    /** Exact decimals as text, cast to numeric[] in SQL (the driver has no numeric array binding). */
    private static String[] decimals(List<NewLine> lines, java.util.function.Function<NewLine, BigDecimal> value) {
        return lines.stream().map(l -> value.apply(l).toPlainString()).toArray(String[]::new);
    }

    public Optional<UUID> findByExternalRef(String channel, String externalRef) {
        return jdbc.sql("SELECT id FROM customer_order WHERE channel = :channel AND external_ref = :ref")
                .param("channel", channel).param("ref", externalRef).query(UUID.class).optional();
    }

    public void record(UUID orderId, String actor, String dimension, String from, String to, String reason) {
        record(orderId, actor, dimension, from, to, TimelineReason.typed(reason));
    }

    /** Writes a timeline entry; a reason Ordo wrote keeps its code and arguments for the screens' languages. */
    public void record(UUID orderId, String actor, String dimension, String from, String to, TimelineReason reason) {
        jdbc.sql("""
                INSERT INTO order_timeline (order_id, at, actor, dimension, from_status, to_status, reason,
                                            reason_code, reason_args)
                VALUES (:order, :now, :actor, :dimension, :from, :to, :reason, :code, CAST(:args AS jsonb))
                """).param("now", now()).param("order", orderId).param("actor", actor).param("dimension", dimension)
                .param("from", from).param("to", to).param("reason", reason.text()).param("code", reason.code())
                .param("args", arguments(reason)).update();
    }

    private String arguments(TimelineReason reason) {
        return reason.code() == null ? null : json.write(reason.arguments());
    }

    public Optional<Locked> lock(UUID id) {
        return jdbc.sql("""
                SELECT id, number, status, payment_status, fulfillment_status, payment_method, customer_id, currency,
                       gross, paid, released_at, shipping_address ->> 'country' AS ship_to,
                       billing_address ->> 'country' AS bill_to
                FROM customer_order WHERE id = :id FOR UPDATE
                """).param("id", id)
                .query((rs, n) -> {
                    String currency = rs.getString("currency").trim();
                    return new Locked(rs.getObject("id", UUID.class), rs.getString("number"),
                            OrderStatus.valueOf(rs.getString("status")),
                            PaymentStatus.valueOf(rs.getString("payment_status")),
                            FulfillmentStatus.valueOf(rs.getString("fulfillment_status")),
                            rs.getString("payment_method"), rs.getObject("customer_id", UUID.class), currency,
                            money(rs, "gross", currency), money(rs, "paid", currency),
                            rs.getTimestamp("released_at") != null, rs.getString("ship_to"), rs.getString("bill_to"));
                })
                .optional();
    }

    public void changeStatus(UUID id, OrderStatus status) {
        jdbc.sql("UPDATE customer_order SET status = :status, updated_at = :now WHERE id = :id")
                .param("now", now())
                .param("id", id).param("status", status.name()).update();
    }

    /** Cancelled: nothing is reserved or backordered any more, nothing goes to the warehouse. */
    public void cancel(UUID id) {
        jdbc.sql("""
                UPDATE customer_order SET status = 'CANCELLED', fulfillment_status = 'UNFULFILLED',
                       hold_kind = NULL, hold_reason = NULL, released_at = NULL, updated_at = :now
                WHERE id = :id
                """).param("now", now()).param("id", id).update();
        jdbc.sql("UPDATE order_line SET reserved = 0, backordered = 0 WHERE order_id = :id").param("id", id).update();
    }

    public void hold(UUID id, HoldKind kind, String reason, FulfillmentStatus fulfillment) {
        jdbc.sql("""
                UPDATE customer_order SET status = 'ON_HOLD', hold_kind = :kind, hold_reason = :reason,
                       released_at = NULL, fulfillment_status = :fulfillment, updated_at = :now
                WHERE id = :id
                """).param("now", now()).param("id", id).param("kind", kind.name()).param("reason", reason)
                .param("fulfillment", fulfillment.name()).update();
    }

    public void unhold(UUID id) {
        jdbc.sql("""
                UPDATE customer_order SET status = 'OPEN', hold_kind = NULL, hold_reason = NULL,
                       updated_at = :now
                WHERE id = :id
                """).param("now", now()).param("id", id).update();
    }

    /** A released order: what it went to the warehouse as, whom its mails go to, and its digital lines. */
    public record Released(FulfillmentStatus fulfillment, Addressee addressee,
            List<OrderReleased.DigitalLine> digitalLines) {
    }

    /**
     * Releases an order to the warehouse in one statement (its release is part of most placements, docs/benchmarks.md
     * P4): RELEASED, or BACKORDERED when none of its physical units is reserved and some are backordered; the
     * timeline entry from {@code from} to that; and it answers whom the order's mails go to and its digital lines,
     * which were four more statements.
     */
    public Released releaseRecorded(UUID id, FulfillmentStatus from, String actor, TimelineReason reason) {
        return jdbc.sql("""
                WITH p AS (
                    SELECT coalesce(sum(quantity) FILTER (WHERE type = 'PHYSICAL'), 0) AS ordered,
                           coalesce(sum(reserved) FILTER (WHERE type = 'PHYSICAL'), 0) AS reserved,
                           coalesce(sum(backordered) FILTER (WHERE type = 'PHYSICAL'), 0) AS backordered,
                           array_agg(line_no ORDER BY line_no) FILTER (WHERE type = 'DIGITAL') AS d_line,
                           array_agg(sku ORDER BY line_no) FILTER (WHERE type = 'DIGITAL') AS d_sku,
                           array_agg(name ORDER BY line_no) FILTER (WHERE type = 'DIGITAL') AS d_name,
                           array_agg(quantity ORDER BY line_no) FILTER (WHERE type = 'DIGITAL') AS d_quantity
                    FROM order_line WHERE order_id = :id),
                n AS (
                    -- the rule of releasedAs, on the lines as written
                    SELECT CASE WHEN ordered > 0 AND reserved = 0 AND backordered > 0 THEN 'BACKORDERED'
                                ELSE 'RELEASED' END AS fulfillment, p.*
                    FROM p),
                o AS (
                    UPDATE customer_order SET released_at = :now, fulfillment_status = n.fulfillment, updated_at = :now
                    FROM n WHERE id = :id
                    RETURNING customer_email, locale),
                entry AS (
                    INSERT INTO order_timeline (order_id, at, actor, dimension, from_status, to_status, reason,
                                                reason_code, reason_args)
                    SELECT :id, :now, :actor, 'fulfillment', :from, n.fulfillment, :reason, :code, CAST(:args AS jsonb)
                    FROM n)
                SELECT n.fulfillment, o.customer_email, o.locale, n.d_line, n.d_sku, n.d_name, n.d_quantity
                FROM n, o
                """).param("id", id).param("now", now()).param("actor", actor).param("from", from.name())
                .param("reason", reason.text()).param("code", reason.code()).param("args", arguments(reason))
                .query((rs, n) -> new Released(FulfillmentStatus.valueOf(rs.getString("fulfillment")),
                        new Addressee(rs.getString("customer_email"), rs.getString("locale")), digitalLines(rs)))
                .single();
    }

    private static List<OrderReleased.DigitalLine> digitalLines(ResultSet rs) throws SQLException {
        java.sql.Array lineNos = rs.getArray("d_line");
        if (lineNos == null) {
            return List.of();
        }
        Integer[] line = (Integer[]) lineNos.getArray();
        String[] sku = (String[]) rs.getArray("d_sku").getArray();
        String[] name = (String[]) rs.getArray("d_name").getArray();
        Long[] quantity = (Long[]) rs.getArray("d_quantity").getArray();
        List<OrderReleased.DigitalLine> lines = new ArrayList<>();
        for (int i = 0; i < line.length; i++) {
            lines.add(new OrderReleased.DigitalLine(line[i], sku[i], name[i], quantity[i]));
        }
        return List.copyOf(lines);
    }

    public void changeFulfillment(UUID id, FulfillmentStatus fulfillment) {
        jdbc.sql("UPDATE customer_order SET fulfillment_status = :f, updated_at = :now WHERE id = :id")
                .param("now", now())
                .param("id", id).param("f", fulfillment.name()).update();
    }

    /** Records what has gone back to the customer in all (booked refunds), beside what was received. */
    public void recordRefunded(UUID id, Money refunded) {
        jdbc.sql("UPDATE customer_order SET refunded = :refunded, updated_at = :now WHERE id = :id")
                .param("now", now()).param("id", id).param("refunded", refunded.amount()).update();
    }

    /** What went back to the customer in all (booked refunds), in the order's currency. */
    public Money refunded(UUID id) {
        return jdbc.sql("SELECT refunded, currency FROM customer_order WHERE id = :id").param("id", id)
                .query((rs, n) -> Money.rounded(rs.getBigDecimal("refunded"), rs.getString("currency"))).single();
    }

    /** What of the money received the customer kept: received less booked refunds, in the order's currency. */
    public Money kept(UUID id) {
        return jdbc.sql("SELECT paid - refunded AS kept, currency FROM customer_order WHERE id = :id").param("id", id)
                .query((rs, n) -> Money.rounded(rs.getBigDecimal("kept"), rs.getString("currency"))).single();
    }

    public void changePayment(UUID id, PaymentStatus status, Money paid) {
        jdbc.sql("""
                UPDATE customer_order SET payment_status = :status, paid = :paid, updated_at = :now
                WHERE id = :id
                """).param("now", now()).param("id", id).param("status", status.name())
                .param("paid", paid.amount()).update();
    }

    /** What the customer owes on released, unpaid orders in this currency, other than {@code except}. */
    public BigDecimal openAmount(UUID customerId, String currency, UUID except) {
        return jdbc.sql("""
                SELECT coalesce(sum(gross - paid), 0) FROM customer_order
                WHERE customer_id = :customer AND currency = :currency AND id <> :except
                  AND status <> 'CANCELLED' AND released_at IS NOT NULL AND gross > paid
                """).param("customer", customerId).param("currency", currency).param("except", except)
                .query(BigDecimal.class).single();
    }

    public boolean hasOtherOrders(UUID customerId, UUID except) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM customer_order WHERE customer_id = :customer AND id <> :except
                               AND status <> 'CANCELLED')
                """).param("customer", customerId).param("except", except).query(Boolean.class).single();
    }

    /** Physical quantities of an order: ordered, reserved, backordered and shipped, summed over its lines. */
    public record Progress(long ordered, long reserved, long backordered, long shipped, boolean hasDigital) {
    }

    public Progress progress(UUID orderId) {
        return jdbc.sql("""
                SELECT coalesce(sum(quantity) FILTER (WHERE type = 'PHYSICAL'), 0) AS ordered,
                       coalesce(sum(reserved) FILTER (WHERE type = 'PHYSICAL'), 0) AS reserved,
                       coalesce(sum(backordered) FILTER (WHERE type = 'PHYSICAL'), 0) AS backordered,
                       coalesce(sum(shipped) FILTER (WHERE type = 'PHYSICAL'), 0) AS shipped,
                       bool_or(type = 'DIGITAL') AS digital
                FROM order_line WHERE order_id = :id
                """).param("id", orderId)
                .query((rs, n) -> new Progress(rs.getLong("ordered"), rs.getLong("reserved"),
                        rs.getLong("backordered"), rs.getLong("shipped"), rs.getBoolean("digital")))
                .single();
    }

    /** Records shipped units of a line; false when that would ship more than was ordered. */
    public boolean addShipped(UUID orderId, int lineNo, long quantity) {
        return jdbc.sql("""
                UPDATE order_line SET shipped = shipped + :q
                WHERE order_id = :id AND line_no = :line AND shipped + :q <= quantity
                """).param("id", orderId).param("line", lineNo).param("q", quantity).update() == 1;
    }

    /** A line waiting for stock. */
    public record Backorder(UUID orderId, String number, int lineNo, String sku, long backordered, String channel,
            String currency) {
    }

    /** Backordered lines of a SKU on live orders, earliest promise first, their orders locked in that order. */
    public List<Backorder> lockBackorders(String sku) {
        return jdbc.sql("""
                SELECT o.id, o.number, l.line_no, l.sku, l.backordered, o.channel, o.currency
                FROM order_line l JOIN customer_order o ON o.id = l.order_id
                WHERE l.sku = :sku AND l.backordered > 0 AND o.status IN ('OPEN', 'ON_HOLD')
                ORDER BY o.promised_at, o.created_at, o.id, l.line_no
                FOR UPDATE OF o
                """).param("sku", sku)
                .query((rs, n) -> new Backorder(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getInt("line_no"), rs.getString("sku"), rs.getLong("backordered"), rs.getString("channel"),
                        rs.getString("currency")))
                .list();
    }

    /** The channel an order came through (its routing rule applies to stock reserved for it later). */
    public String channelOf(UUID orderId) {
        return jdbc.sql("SELECT channel FROM customer_order WHERE id = :id").param("id", orderId).query(String.class)
                .single();
    }

    /** Backordered units of these SKUs on live orders, per SKU (only SKUs that have some). */
    public java.util.Map<String, Long> backordered(java.util.Collection<String> skus) {
        java.util.Map<String, Long> result = new java.util.HashMap<>();
        if (skus.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT l.sku, sum(l.backordered) AS backordered
                FROM order_line l JOIN customer_order o ON o.id = l.order_id
                WHERE l.sku = ANY(:skus) AND l.backordered > 0 AND o.status IN ('OPEN', 'ON_HOLD')
                GROUP BY l.sku
                """).param("skus", skus.toArray(String[]::new))
                .query(rs -> {
                    result.put(rs.getString("sku"), rs.getLong("backordered"));
                });
        return result;
    }

    public void moveToReserved(UUID orderId, int lineNo, long quantity) {
        jdbc.sql("""
                UPDATE order_line SET reserved = reserved + :q, backordered = backordered - :q
                WHERE order_id = :id AND line_no = :line AND backordered >= :q
                """).param("id", orderId).param("line", lineNo).param("q", quantity).update();
    }

    public List<UUID> releasedForPicking(Instant promisedBefore, int limit) {
        return jdbc.sql("""
                SELECT id FROM customer_order
                WHERE released_at IS NOT NULL AND status = 'OPEN'
                  AND (fulfillment_status IN ('RELEASED', 'PARTIALLY_SHIPPED', 'BACKORDERED')
                       -- goods came back before the rest shipped: the rest is still to be picked
                       OR fulfillment_status = 'PARTIALLY_RETURNED' AND EXISTS (SELECT 1 FROM order_line l
                           WHERE l.order_id = customer_order.id AND l.type = 'PHYSICAL' AND l.shipped < l.quantity))
                  AND (CAST(:before AS timestamptz) IS NULL OR promised_at < CAST(:before AS timestamptz))
                ORDER BY promised_at, id LIMIT :limit
                """).param("before", promisedBefore == null ? null : Timestamp.from(promisedBefore))
                .param("limit", limit).query(UUID.class).list();
    }

    /** A short pick: the line loses what was not found, and gains what could be reserved again. */
    public void reallocate(UUID orderId, int lineNo, long missing, long reserved, long backordered) {
        jdbc.sql("""
                UPDATE order_line SET reserved = reserved - :missing + :reserved, backordered = backordered + :back
                WHERE order_id = :id AND line_no = :line
                """).param("id", orderId).param("line", lineNo).param("missing", missing).param("reserved", reserved)
                .param("back", backordered).update();
    }

    /** Whom an order's mails go to: the customer's e-mail address and language as the order keeps them. */
    public record Addressee(String email, String locale) {
    }

    public Optional<UUID> idOfNumber(String number) {
        return jdbc.sql("SELECT id FROM customer_order WHERE number = :number").param("number", number)
                .query(UUID.class).optional();
    }

    /**
     * The order without reservations (another module's) and with its lines and timeline, in one statement (one
     * round trip, one snapshot): the lines and the timeline come as JSON arrays of their columns, amounts as text
     * and times as UTC ISO-8601 text, so that they read back exactly as from their own rows.
     */
    public Optional<OrderView> find(UUID id) {
        return jdbc.sql("""
                SELECT o.*,
                       (SELECT json_agg(json_build_array(l.line_no, l.sku, l.name, l.type, l.quantity,
                                   CAST(l.unit_price AS text), CAST(l.tax_rate AS text), l.price_includes_tax,
                                   CAST(l.net AS text), CAST(l.tax AS text), CAST(l.gross AS text), l.reserved,
                                   l.backordered, l.shipped) ORDER BY l.line_no)
                        FROM order_line l WHERE l.order_id = o.id) AS lines,
                       (SELECT json_agg(json_build_array(
                                   to_char(t.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), t.actor,
                                   t.dimension, t.from_status, t.to_status, t.reason, t.reason_code,
                                   t.reason_args) ORDER BY t.id)
                        FROM order_timeline t WHERE t.order_id = o.id) AS timeline
                FROM customer_order o WHERE o.id = :id
                """).param("id", id)
                .query((rs, n) -> {
                    OrderView order = view(rs, n);
                    List<OrderView.Line> lines = new ArrayList<>();
                    for (JsonNode l : array(rs.getString("lines"))) {
                        lines.add(new OrderView.Line(l.get(0).asInt(), l.get(1).asString(), l.get(2).asString(),
                                l.get(3).asString(), l.get(4).asLong(), money(l.get(5), order.currency()),
                                plain(new BigDecimal(l.get(6).asString())), l.get(7).asBoolean(),
                                money(l.get(8), order.currency()), money(l.get(9), order.currency()),
                                money(l.get(10), order.currency()), l.get(11).asLong(), l.get(12).asLong(),
                                l.get(13).asLong()));
                    }
                    List<OrderView.TimelineEntry> timeline = new ArrayList<>();
                    for (JsonNode t : array(rs.getString("timeline"))) {
                        timeline.add(new OrderView.TimelineEntry(Instant.parse(t.get(0).asString()),
                                t.get(1).asString(), t.get(2).asString(), text(t.get(3)), t.get(4).asString(),
                                text(t.get(5)), text(t.get(6)), reasonArguments(t.get(7))));
                    }
                    return order.with(lines, List.of(), timeline);
                })
                .optional();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> strings.add(v.isNull() ? "" : v.asString()));
        }
        return strings;
    }

    private JsonNode array(String text) {
        return text == null ? json.mapper().createArrayNode() : json.mapper().readTree(text);
    }

    private static Money money(JsonNode amount, String currency) {
        return new Money(new BigDecimal(amount.asString()), currency);
    }

    private static String text(JsonNode value) {
        return value.isNull() ? null : value.asString();
    }

    private static List<String> reasonArguments(JsonNode value) {
        List<String> arguments = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(a -> arguments.add(a.asString()));
        }
        return arguments;
    }

    private OrderView view(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency").trim();
        return new OrderView(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("channel"),
                rs.getString("external_ref"), OrderStatus.valueOf(rs.getString("status")),
                PaymentStatus.valueOf(rs.getString("payment_status")),
                FulfillmentStatus.valueOf(rs.getString("fulfillment_status")),
                new OrderView.CustomerRef(rs.getObject("customer_id", UUID.class), rs.getString("customer_email"),
                        rs.getString("customer_name"), rs.getString("locale")),
                currency, rs.getString("payment_method"), json.read(rs.getString("shipping_address"), Address.class),
                json.read(rs.getString("billing_address"), Address.class), List.of(),
                new OrderView.Totals(money(rs, "net", currency), money(rs, "tax", currency),
                        money(rs, "gross", currency), Pricing.ROUNDING),
                money(rs, "paid", currency),
                rs.getString("hold_kind") == null ? null
                        : new OrderView.Hold(HoldKind.valueOf(rs.getString("hold_kind")), rs.getString("hold_reason")),
                rs.getTimestamp("released_at") == null ? null : rs.getTimestamp("released_at").toInstant(),
                rs.getTimestamp("promised_at").toInstant(), rs.getString("note"),
                rs.getObject("inbound_document_id", UUID.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), List.of(),
                List.of(), rs.getInt("version"), rs.getString("carrier_service"),
                rs.getObject("ship_by", LocalDate.class), rs.getObject("deliver_by", LocalDate.class), List.of());
    }

    /** Binds the columns of new order lines as the arrays that {@code unnest(...)} reads, in one place for every insert. */
    private static JdbcClient.StatementSpec withLines(JdbcClient.StatementSpec spec, List<NewLine> lines) {
        return spec
                .param("lineNo", lines.stream().map(NewLine::lineNo).toArray(Integer[]::new))
                .param("sku", lines.stream().map(NewLine::sku).toArray(String[]::new))
                .param("lineName", lines.stream().map(NewLine::name).toArray(String[]::new))
                .param("type", lines.stream().map(NewLine::type).toArray(String[]::new))
                .param("quantity", lines.stream().map(NewLine::quantity).toArray(Long[]::new))
                .param("unitPrice", decimals(lines, l -> l.unitPrice().amount()))
                .param("taxRate", decimals(lines, NewLine::taxRate))
                .param("includesTax", lines.stream().map(NewLine::priceIncludesTax).toArray(Boolean[]::new))
                .param("lineNet", decimals(lines, l -> l.amounts().net().amount()))
                .param("lineTax", decimals(lines, l -> l.amounts().tax().amount()))
                .param("lineGross", decimals(lines, l -> l.amounts().gross().amount()))
                .param("reserved", lines.stream().map(NewLine::reserved).toArray(Long[]::new))
                .param("backordered", lines.stream().map(NewLine::backordered).toArray(Long[]::new));
    }

    static Money money(ResultSet rs, String column, String currency) throws SQLException {
        return new Money(rs.getBigDecimal(column), currency);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A page of orders that still hold or wait for stock: open or held, and not shipped in any part. */
    public record Unshipped(UUID id, String number) {
    }

    /** The next {@code limit} such orders after {@code after}, by id. */
    public List<Unshipped> unshipped(UUID after, int limit) {
        return jdbc.sql("""
                SELECT id, number FROM customer_order
                WHERE status IN ('OPEN', 'ON_HOLD') AND fulfillment_status IN ('UNFULFILLED', 'BACKORDERED', 'RELEASED')
                  AND id > :after
                ORDER BY id LIMIT :limit
                """).param("after", after).param("limit", limit)
                .query((rs, n) -> new Unshipped(rs.getObject("id", UUID.class), rs.getString("number"))).list();
    }

    /** The payment state of the next {@code limit} orders after {@code after}, by id. */
    public List<org.ordo.ordering.OrderPaymentState> paymentStates(UUID after, int limit) {
        return jdbc.sql("""
                SELECT id, number, status, payment_status, gross, currency FROM customer_order
                WHERE id > :after ORDER BY id LIMIT :limit
                """).param("after", after).param("limit", limit)
                .query((rs, n) -> new org.ordo.ordering.OrderPaymentState(rs.getObject("id", UUID.class),
                        rs.getString("number"), OrderStatus.valueOf(rs.getString("status")),
                        PaymentStatus.valueOf(rs.getString("payment_status")),
                        Money.rounded(rs.getBigDecimal("gross"), rs.getString("currency").trim())))
                .list();
    }

    /** A line as the stock check sees it. */
    public record StockedLine(UUID orderId, int lineNo, String sku, String type, long quantity, long reserved,
            long backordered) {
    }

    public List<StockedLine> linesOf(List<UUID> orderIds) {
        return jdbc.sql("""
                SELECT order_id, line_no, sku, type, quantity, reserved, backordered FROM order_line
                WHERE order_id = ANY(CAST(:orders AS uuid[])) ORDER BY order_id, line_no
                """).param("orders", orderIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> new StockedLine(rs.getObject("order_id", UUID.class), rs.getInt("line_no"),
                        rs.getString("sku"), rs.getString("type"), rs.getLong("quantity"), rs.getLong("reserved"),
                        rs.getLong("backordered")))
                .list();
    }

    /** Orders whose first timeline entry is missing (invariant 5); empty when all is well. */
    public List<String> withoutTimeline() {
        return new ArrayList<>(jdbc.sql("""
                SELECT o.number FROM customer_order o
                WHERE NOT EXISTS (SELECT 1 FROM order_timeline t WHERE t.order_id = o.id)
                """).query(String.class).list());
    }

    /**
     * An order cancelled because its payment never came is open again: only such an order (status CANCELLED and
     * {@code unpaid_expired_at} set, both in the WHERE), so that no other cancelled order comes back. False when
     * it is not one.
     */
    public boolean reopenExpired(UUID id, FulfillmentStatus fulfillment) {
        return jdbc.sql("""
                UPDATE customer_order SET status = 'OPEN', fulfillment_status = :fulfillment, unpaid_expired_at = NULL,
                       updated_at = :now
                WHERE id = :id AND status = 'CANCELLED' AND unpaid_expired_at IS NOT NULL
                """).param("now", now()).param("id", id).param("fulfillment", fulfillment.name()).update() == 1;
    }

    /** A line's reservation as the stock gave it (a reopened order's lines, cancelled with nothing reserved). */
    public void allocate(UUID orderId, int lineNo, long reserved, long backordered) {
        jdbc.sql("UPDATE order_line SET reserved = :reserved, backordered = :back WHERE order_id = :id AND line_no = :line")
                .param("id", orderId).param("line", lineNo).param("reserved", reserved).param("back", backordered)
                .update();
    }

    /** True when the order was cancelled because its payment never came (and not reopened since). */
    public boolean expiredUnpaid(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM customer_order WHERE id = :id AND unpaid_expired_at IS NOT NULL)")
                .param("id", id).query(Boolean.class).single();
    }

    // --- changes after placement (docs/order-changes.md) -------------------------------------------------------

    /** What a change needs besides the lock: the current version and the highest line number ever given. */
    public record Versioned(int version, int lastLineNo) {
    }

    /** Of an order the caller has locked. */
    public Versioned versionOf(UUID id) {
        return jdbc.sql("""
                SELECT version, greatest(coalesce(last_line_no, 0),
                                         (SELECT coalesce(max(line_no), 0) FROM order_line WHERE order_id = :id)) AS last
                FROM customer_order WHERE id = :id
                """).param("id", id)
                .query((rs, n) -> new Versioned(rs.getInt("version"), rs.getInt("last"))).single();
    }

    /**
     * Writes the changed order: its lines as given (the old ones are replaced in one statement pair), totals,
     * shipping address, carrier service, promise and fulfilment status, and the next version. The version only
     * moves from {@code version - 1}: false, and nothing written, when another change came first.
     */
    /**
     * Writes the next version of an order, conditional on the one before; of its lines only those a change
     * touched ({@code touched}: changed, swapped, added or removed line numbers) are deleted and written again,
     * so a change of one line of a 400-line order writes one line (docs/order-changes.md#how-fast).
     */
    public boolean change(UUID id, int version, List<NewLine> lines, java.util.Set<Integer> touched,
            Pricing.Amounts total, Address shipping, String carrierService, Instant promisedAt, int lastLineNo,
            FulfillmentStatus fulfillment) {
        int updated = jdbc.sql("""
                UPDATE customer_order SET version = :version, net = :net, tax = :tax, gross = :gross,
                       shipping_address = CAST(:shipping AS jsonb), carrier_service = :carrierService,
                       promised_at = :promisedAt, last_line_no = :lastLineNo, fulfillment_status = :fulfillment,
                       updated_at = :now
                WHERE id = :id AND version = :version - 1
                """).param("id", id).param("version", version).param("net", total.net().amount())
                .param("tax", total.tax().amount()).param("gross", total.gross().amount())
                .param("shipping", json.write(shipping)).param("carrierService", carrierService)
                .param("promisedAt", Timestamp.from(promisedAt)).param("lastLineNo", lastLineNo)
                .param("fulfillment", fulfillment.name()).param("now", now()).update();
        if (updated != 1) {
            return false;
        }
        if (touched.isEmpty()) {
            return true;
        }
        jdbc.sql("DELETE FROM order_line WHERE order_id = :id AND line_no = ANY(CAST(:touched AS int[]))")
                .param("id", id).param("touched", touched.toArray(Integer[]::new)).update();
        List<NewLine> written = lines.stream().filter(l -> touched.contains(l.lineNo())).toList();
        if (written.isEmpty()) {
            return true;
        }
        JdbcClient.StatementSpec insert = jdbc.sql("""
                INSERT INTO order_line (order_id, line_no, sku, name, type, quantity, unit_price, tax_rate,
                    price_includes_tax, net, tax, gross, reserved, backordered)
                SELECT :id, l.* FROM unnest(CAST(:lineNo AS int[]), CAST(:sku AS text[]),
                    CAST(:lineName AS text[]), CAST(:type AS text[]), CAST(:quantity AS bigint[]),
                    CAST(:unitPrice AS numeric[]), CAST(:taxRate AS numeric[]), CAST(:includesTax AS boolean[]),
                    CAST(:lineNet AS numeric[]), CAST(:lineTax AS numeric[]), CAST(:lineGross AS numeric[]),
                    CAST(:reserved AS bigint[]), CAST(:backordered AS bigint[])) AS l
                """).param("id", id);
        withLines(insert, written).update();
        return true;
    }

    /** Back behind the payment gate: no longer released to the warehouse. */
    public void takeBack(UUID id, FulfillmentStatus fulfillment) {
        jdbc.sql("""
                UPDATE customer_order SET released_at = NULL, fulfillment_status = :fulfillment, updated_at = :now
                WHERE id = :id
                """).param("now", now()).param("id", id).param("fulfillment", fulfillment.name()).update();
    }

    /**
     * Orders whose totals are not the sums of their lines (net, tax, gross), as "SO-100001: ..." texts; empty
     * when all is well. Reads, locks nothing.
     */
    public List<String> totalsOffLines() {
        return jdbc.sql("""
                SELECT o.number, o.currency, o.net, o.tax, o.gross, l.net AS lines_net, l.tax AS lines_tax,
                       l.gross AS lines_gross
                FROM customer_order o
                JOIN LATERAL (SELECT coalesce(sum(net), 0) AS net, coalesce(sum(tax), 0) AS tax,
                                     coalesce(sum(gross), 0) AS gross
                              FROM order_line WHERE order_id = o.id) l ON true
                WHERE o.net <> l.net OR o.tax <> l.tax OR o.gross <> l.gross
                ORDER BY o.number
                """).query((rs, n) -> {
                    String currency = rs.getString("currency").trim();
                    return rs.getString("number") + ": totals " + money(rs, "gross", currency)
                            + " but its lines add up to " + money(rs, "lines_gross", currency) + " (net "
                            + money(rs, "net", currency) + " vs " + money(rs, "lines_net", currency) + ", tax "
                            + money(rs, "tax", currency) + " vs " + money(rs, "lines_tax", currency) + ")";
                })
                .list();
    }
}
