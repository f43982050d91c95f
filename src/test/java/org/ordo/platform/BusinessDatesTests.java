package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessDatesTests {

    @Test
    void takesRealCalendarDatesInTheWindow() {
        assertThat(BusinessDates.date("bookedOn", "2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(BusinessDates.date("bookedOn", "2000-01-01")).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(BusinessDates.date("bookedOn", "2100-12-31")).isEqualTo(LocalDate.of(2100, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2027-02-29", "2026-13-45", "2026-00-10", "+99999-01-01", "0000-01-01",
            "1999-12-31", "2101-01-01", "2026-2-1", "26-11-25", "25.11.2026", "2026-11-25T10:00:00Z", " 2026-11-25",
            ""})
    void refusesEverythingElseNamingTheField(String text) {
        assertThatThrownBy(() -> BusinessDates.date("bookedOn", text))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("bookedOn"));
    }

    @Test
    void timestampsMustLieInTheWindow() {
        assertThat(BusinessDates.fault(Instant.parse("2026-11-25T10:00:00Z"))).isNull();
        assertThat(BusinessDates.fault(Instant.parse("1999-12-31T23:59:59Z")).english()).contains("2000 to 2100");
        assertThat(BusinessDates.fault(Instant.parse("2101-01-01T00:00:00Z")).english()).contains("2000 to 2100");
        assertThat(BusinessDates.fault(Instant.parse("2100-12-31T23:59:59Z"))).isNull();
    }
}
