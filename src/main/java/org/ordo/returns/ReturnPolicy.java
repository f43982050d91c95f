package org.ordo.returns;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The return policy (environment variables {@code ORDO_RETURN_*}, see docs/returns.md).
 *
 * @param windowDays days after delivery (after shipping when delivery is unknown) in which a line can be returned
 * @param nonReturnableSkus articles that cannot be returned at all (digital goods never can once downloaded)
 * @param customerPaysShipping the customer pays the way back unless the goods were damaged or not as described
 * @param shippingDeduction what that costs the customer, per currency, deducted from the refund
 * @param approvalAbove refunds above this amount (per currency) wait for an agent's approval
 * @param series the series of RMA numbers ({@code RMA-2026-000001})
 */
@ConfigurationProperties("ordo.return")
public record ReturnPolicy(
        @DefaultValue("30") int windowDays,
        @DefaultValue List<String> nonReturnableSkus,
        @DefaultValue("false") boolean customerPaysShipping,
        @DefaultValue Map<String, BigDecimal> shippingDeduction,
        @DefaultValue Map<String, BigDecimal> approvalAbove,
        @DefaultValue("RMA") String series) {

    public boolean returnable(String sku) {
        return nonReturnableSkus.stream().noneMatch(s -> s.trim().equalsIgnoreCase(sku));
    }
}
