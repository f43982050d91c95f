package org.ordo.returns.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.ordo.platform.Money;
import org.ordo.returns.ReturnView;

/**
 * The refund of a return by the policy: each line's units at the price paid for them, tax and discounts
 * included (the line's gross, shared out by units), less deductions with their reasons, never below zero and
 * never more than is left of what the customer paid (invariant 9 in docs/design.md).
 * <p>
 * A line's share is taken cumulatively: the units refunded before and now together get
 * {@code round(gross * units / quantity)}, and this return gets that less what the earlier ones got. So however
 * a line is returned in parts, its refunds add up to exactly its gross and never to a cent more.
 */
public final class RefundComputation {

    private RefundComputation() {
    }

    /** An order line as paid, with the units refunded by earlier returns and the units of this one. */
    public record Line(int lineNo, long quantity, Money gross, long refundedBefore, long units) {
    }

    public static ReturnView.Refund compute(String currency, List<Line> lines, List<ReturnView.Deduction> deductions,
            Money left, String how) {
        List<ReturnView.RefundLine> refunded = new ArrayList<>();
        Money sum = Money.zero(currency);
        for (Line l : lines) {
            if (l.units() <= 0) {
                continue;
            }
            Money amount = share(l.gross(), l.refundedBefore() + l.units(), l.quantity())
                    .minus(share(l.gross(), l.refundedBefore(), l.quantity()));
            refunded.add(new ReturnView.RefundLine(l.lineNo(), l.units(), amount));
            sum = sum.plus(amount);
        }
        List<ReturnView.Deduction> applied = new ArrayList<>();
        Money total = sum;
        for (ReturnView.Deduction d : deductions) {
            Money take = d.amount().amount().compareTo(total.amount()) > 0 ? total : d.amount();
            if (take.amount().signum() > 0) {
                applied.add(new ReturnView.Deduction(d.reason(), take));
                total = total.minus(take);
            }
        }
        if (total.amount().compareTo(left.amount()) > 0) {
            Money over = total.minus(left.amount().signum() < 0 ? Money.zero(currency) : left);
            applied.add(new ReturnView.Deduction("more than was paid and not yet refunded", over));
            total = total.minus(over);
        }
        return new ReturnView.Refund(total, refunded, applied, how);
    }

    private static Money share(Money gross, long units, long quantity) {
        if (units >= quantity) {
            return gross;
        }
        return Money.rounded(gross.amount().multiply(BigDecimal.valueOf(units))
                .divide(BigDecimal.valueOf(quantity), 10, Money.ROUNDING), gross.currency());
    }
}
