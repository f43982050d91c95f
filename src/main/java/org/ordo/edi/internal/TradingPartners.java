package org.ordo.edi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.edi.PartnerDraft;
import org.ordo.edi.TradingPartner;
import org.ordo.platform.Address;
import org.ordo.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TradingPartners {

    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    TradingPartners(JdbcClient jdbc, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stamps come from the application's clock, so tests that move time see them moved too. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** Inserts the partner; false when the code is taken (the caller answers 409). */
    public boolean insert(PartnerDraft d) {
        return jdbc.sql("""
                INSERT INTO edi_partner (code, name, customer_id, standard, version, sender_qualifier, sender_id,
                                         recipient_qualifier, recipient_id, article_numbers, currency, payment_method,
                                         ship_to, price_tolerance, delivery, delivery_url,
                                         application_sender_code, application_receiver_code, created_at, updated_at)
                VALUES (:code, :name, :customer, :standard, :version, :senderQualifier, :senderId,
                        :recipientQualifier, :recipientId, :articleNumbers, :currency, :paymentMethod,
                        CAST(:shipTo AS jsonb), :tolerance, :delivery, :deliveryUrl,
                        :applicationSenderCode, :applicationReceiverCode, :now, :now)
                ON CONFLICT (code) DO NOTHING
                """).params(params(d)).param("now", now()).update() == 1;
    }

    public boolean update(PartnerDraft d) {
        return jdbc.sql("""
                UPDATE edi_partner SET name = :name, customer_id = :customer, standard = :standard,
                       version = :version, sender_qualifier = :senderQualifier, sender_id = :senderId,
                       recipient_qualifier = :recipientQualifier, recipient_id = :recipientId,
                       article_numbers = :articleNumbers, currency = :currency, payment_method = :paymentMethod,
                       ship_to = CAST(:shipTo AS jsonb), price_tolerance = :tolerance, delivery = :delivery,
                       delivery_url = :deliveryUrl, application_sender_code = :applicationSenderCode,
                       application_receiver_code = :applicationReceiverCode, updated_at = :now
                WHERE code = :code
                """).param("now", now()).params(params(d)).update() == 1;
    }

    private Map<String, Object> params(PartnerDraft d) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("code", d.code());
        p.put("name", d.name());
        p.put("customer", d.customerId());
        p.put("standard", d.standard().name());
        p.put("version", d.version());
        p.put("senderQualifier", d.senderQualifier());
        p.put("senderId", d.senderId());
        p.put("recipientQualifier", d.recipientQualifier());
        p.put("recipientId", d.recipientId());
        p.put("articleNumbers", d.articleNumbers().name());
        p.put("currency", d.currency());
        p.put("paymentMethod", d.paymentMethod());
        p.put("shipTo", d.shipTo() == null ? null : json.write(d.shipTo()));
        p.put("tolerance", d.priceTolerance() == null ? null : new java.math.BigDecimal(d.priceTolerance()));
        p.put("delivery", d.deliveryOrNone().name());
        p.put("deliveryUrl", d.deliveryUrl());
        p.put("applicationSenderCode", d.applicationSenderCode());
        p.put("applicationReceiverCode", d.applicationReceiverCode());
        return p;
    }

    public Optional<TradingPartner> find(String code) {
        return jdbc.sql("SELECT * FROM edi_partner WHERE code = :code").param("code", code).query(this::map)
                .optional();
    }

    public java.util.List<TradingPartner> all() {
        return jdbc.sql("SELECT * FROM edi_partner ORDER BY code").query(this::map).list();
    }

    /** The partner an interchange comes from, by the sender named in its header. */
    public Optional<TradingPartner> findBySender(TradingPartner.Standard standard, String qualifier, String id) {
        return jdbc.sql("""
                SELECT * FROM edi_partner
                WHERE standard = :standard AND coalesce(sender_qualifier, '') = :qualifier AND sender_id = :id
                """).param("standard", standard.name()).param("qualifier", qualifier == null ? "" : qualifier)
                .param("id", id).query(this::map).optional();
    }

    /** Replaces the partner's article numbers; false when one names an unknown SKU (nothing changes then). */
    public void replaceArticles(String code, Map<String, String> numbersToSkus) {
        jdbc.sql("DELETE FROM edi_partner_article WHERE partner_code = :code").param("code", code).update();
        if (numbersToSkus.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO edi_partner_article (partner_code, partner_number, sku)
                SELECT :code, number, sku FROM unnest(:numbers, :skus) AS a (number, sku)
                """).param("code", code).param("numbers", numbersToSkus.keySet().toArray(String[]::new))
                .param("skus", numbersToSkus.values().toArray(String[]::new)).update();
    }

    public Map<String, String> articles(String code) {
        Map<String, String> articles = new java.util.TreeMap<>();
        jdbc.sql("SELECT partner_number, sku FROM edi_partner_article WHERE partner_code = :code")
                .param("code", code)
                .query((rs, n) -> articles.put(rs.getString("partner_number"), rs.getString("sku"))).list();
        return articles;
    }

    /**
     * Takes the partner's next control number for an outgoing interchange: the row lock serialises concurrent
     * takers, so numbers are unique and increasing per partner.
     */
    public long nextControlNumber(String code) {
        return jdbc.sql("""
                UPDATE edi_partner SET last_control_number = last_control_number + 1 WHERE code = :code
                RETURNING last_control_number
                """).param("code", code).query(Long.class).single();
    }

    /**
     * Takes the partner's next {@code count} control numbers as one block (unique and increasing, the partner's row
     * locked until the transaction ends); gives the first of them.
     */
    public long nextControlNumbers(String code, int count) {
        return jdbc.sql("""
                UPDATE edi_partner SET last_control_number = last_control_number + :count WHERE code = :code
                RETURNING last_control_number - :count + 1
                """).param("code", code).param("count", count).query(Long.class).single();
    }

    /** Locks the partner's row until the transaction ends: one outgoing message about a subject at a time. */
    public void lock(String code) {
        jdbc.sql("SELECT code FROM edi_partner WHERE code = :code FOR UPDATE").param("code", code)
                .query(String.class).single();
    }

    /** The partner's own article number for each of our SKUs (the first, when several map to one SKU). */
    public Map<String, String> numbersOfSkus(String code) {
        Map<String, String> numbers = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT sku, min(partner_number) AS number FROM edi_partner_article WHERE partner_code = :code
                GROUP BY sku
                """).param("code", code)
                .query((rs, n) -> numbers.put(rs.getString("sku"), rs.getString("number"))).list();
        return numbers;
    }

    private TradingPartner map(ResultSet rs, int n) throws SQLException {
        String shipTo = rs.getString("ship_to");
        return new TradingPartner(rs.getString("code"), rs.getString("name"), rs.getObject("customer_id", UUID.class),
                TradingPartner.Standard.valueOf(rs.getString("standard")), rs.getString("version"),
                rs.getString("sender_qualifier"), rs.getString("sender_id"), rs.getString("recipient_qualifier"),
                rs.getString("recipient_id"), TradingPartner.ArticleNumbers.valueOf(rs.getString("article_numbers")),
                rs.getString("currency"), rs.getString("payment_method"),
                shipTo == null ? null : json.read(shipTo, Address.class), rs.getBigDecimal("price_tolerance"),
                rs.getLong("last_control_number"), TradingPartner.Delivery.valueOf(rs.getString("delivery")),
                rs.getString("delivery_url"), rs.getString("application_sender_code"),
                rs.getString("application_receiver_code"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
