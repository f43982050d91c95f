package org.ordo.space.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ordo.space.PeakFactors;

class PeakCalendarTests {

    final PeakCalendar calendar = new PeakCalendar(new PeakFactors(new BigDecimal("3"), new BigDecimal("2"),
            new BigDecimal("1.5"), new BigDecimal("1.25"), new BigDecimal("2.5")));

    @Test
    void blackFridayRunsFromTheFridayAfterTheFourthThursdayOfNovemberToCyberMonday() {
        assertThat(calendar.factor(LocalDate.of(2026, 11, 26))).isEqualTo(1.0); // Thanksgiving
        assertThat(calendar.factor(LocalDate.of(2026, 11, 27))).isEqualTo(3.0);
        assertThat(calendar.factor(LocalDate.of(2026, 11, 30))).isEqualTo(3.0);
        assertThat(calendar.factor(LocalDate.of(2027, 11, 26))).isEqualTo(3.0);
    }

    @Test
    void overlappingPeaksTakeTheHigherFactor() {
        assertThat(calendar.factor(LocalDate.of(2025, 12, 1))).isEqualTo(3.0); // Cyber Monday 2025 and Christmas
        assertThat(calendar.factor(LocalDate.of(2026, 12, 24))).isEqualTo(2.0);
        assertThat(calendar.factor(LocalDate.of(2026, 12, 25))).isEqualTo(1.0);
    }

    @Test
    void valentinesMothersDayAndChuseokHaveTheirWeeks() {
        assertThat(calendar.factor(LocalDate.of(2027, 2, 7))).isEqualTo(1.5);
        assertThat(calendar.factor(LocalDate.of(2027, 2, 15))).isEqualTo(1.0);
        assertThat(calendar.factor(LocalDate.of(2027, 5, 9))).isEqualTo(1.25); // second Sunday of May 2027
        assertThat(calendar.factor(LocalDate.of(2027, 5, 2))).isEqualTo(1.0);
        assertThat(calendar.factor(LocalDate.of(2026, 9, 25))).isEqualTo(2.5); // Chuseok 2026
        assertThat(calendar.factor(LocalDate.of(2026, 9, 19))).isEqualTo(2.5);
        assertThat(calendar.within(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 6)))
                .containsExactly("Black Friday", "Christmas");
    }
}
