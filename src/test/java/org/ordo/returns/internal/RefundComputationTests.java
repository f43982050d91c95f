package org.ordo.returns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordo.platform.Money;
import org.ordo.returns.ReturnView;

class RefundComputationTests {

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static ReturnView.Refund refund(long quantity, String gross, long before, long units, String left,
            ReturnView.Deduction... deductions) {
        return RefundComputation.compute("EUR", List.of(new RefundComputation.Line(1, quantity, eur(gross), before,
                units)), List.of(deductions), eur(left), null);
    }

    @Test
    void aLineReturnedUnitByUnitIsRefundedExactlyItsGrossAndNeverACentMore() {
        // 3 units for 10.00: 3.33 + 3.34 + 3.33 = 10.00
        Money first = refund(3, "10.00", 0, 1, "100.00").total();
        Money second = refund(3, "10.00", 1, 1, "100.00").total();
        Money third = refund(3, "10.00", 2, 1, "100.00").total();
        assertThat(first.plus(second).plus(third)).isEqualTo(eur("10.00"));
        assertThat(List.of(first, second, third)).containsExactly(eur("3.33"), eur("3.34"), eur("3.33"));
    }

    @Test
    void deductionsCarryTheirReasonAndNeverMakeTheRefundNegative() {
        ReturnView.Refund r = refund(1, "3.00", 0, 1, "100.00",
                new ReturnView.Deduction("return shipping, paid by the customer", eur("4.90")));
        assertThat(r.total()).isEqualTo(eur("0.00"));
        assertThat(r.deductions()).singleElement().satisfies(d -> {
            assertThat(d.reason()).contains("return shipping");
            assertThat(d.amount()).isEqualTo(eur("3.00"));
        });
    }

    @Test
    void neverMoreThanIsLeftOfWhatWasPaid() {
        ReturnView.Refund r = refund(2, "50.00", 0, 2, "30.00");
        assertThat(r.total()).isEqualTo(eur("30.00"));
        assertThat(r.lines()).singleElement().satisfies(l -> assertThat(l.amount()).isEqualTo(eur("50.00")));
        assertThat(r.deductions()).singleElement()
                .satisfies(d -> assertThat(d.amount()).isEqualTo(eur("20.00")));
    }

    @Test
    void aWonLineIsRefundedInWholeWon() {
        ReturnView.Refund r = RefundComputation.compute("KRW", List.of(new RefundComputation.Line(1, 3,
                new Money(new BigDecimal("10000"), "KRW"), 0, 1)), List.of(),
                new Money(new BigDecimal("10000"), "KRW"), null);
        assertThat(r.total()).isEqualTo(new Money(new BigDecimal("3333"), "KRW"));
    }
}
