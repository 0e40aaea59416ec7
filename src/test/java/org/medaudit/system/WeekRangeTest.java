package org.medaudit.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ISO weeks as rates take them: labels across year ends, weeks that exist, and the checked range. */
class WeekRangeTest {

    @Test
    @DisplayName("a day's ISO week: 2026 starts on a Thursday, so its week 1 holds 29 December 2025 and it has 53 weeks")
    void labelsAcrossYearEnds() {
        assertThat(WeekRange.label(LocalDate.parse("2025-12-29"))).isEqualTo("2026-W01");
        assertThat(WeekRange.label(LocalDate.parse("2026-01-01"))).isEqualTo("2026-W01");
        assertThat(WeekRange.label(LocalDate.parse("2026-08-09"))).isEqualTo("2026-W32"); // a Sunday
        assertThat(WeekRange.label(LocalDate.parse("2026-08-10"))).isEqualTo("2026-W33"); // the Monday after
        assertThat(WeekRange.label(LocalDate.parse("2027-01-03"))).isEqualTo("2026-W53");
    }

    @Test
    @DisplayName("a week label names its Monday; 2026-W53 exists, 2025-W53 and W00 do not")
    void mondays() {
        assertThat(WeekRange.monday("2026-W01")).isEqualTo(LocalDate.parse("2025-12-29"));
        assertThat(WeekRange.monday("2026-W53")).isEqualTo(LocalDate.parse("2026-12-28"));
        assertThat(WeekRange.monday("2025-W53")).isNull();
        assertThat(WeekRange.monday("2026-W00")).isNull();
        assertThat(WeekRange.monday("2026-10")).isNull();
    }

    @Test
    @DisplayName("a range lists every week across the year end; without 'from' it is the 26 weeks up to 'to'")
    void ranges() {
        List<FieldError> errors = new ArrayList<>();
        WeekRange range = WeekRange.read("2026-W52", "2027-W02", LocalDate.parse("2027-06-01"), errors);

        assertThat(errors).isEmpty();
        assertThat(range.labels()).containsExactly("2026-W52", "2026-W53", "2027-W01", "2027-W02");
        assertThat(WeekRange.read(null, "2026-W26", LocalDate.parse("2027-06-01"), errors).labels())
                .hasSize(26).startsWith("2026-W01").endsWith("2026-W26");
    }

    @Test
    @DisplayName("every bad end is named: a week that does not exist, a month instead of a week, a reversed range")
    void refusals() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(WeekRange.read("2025-W53", "2026-10", LocalDate.parse("2026-11-30"), errors)).isNull();
        assertThat(errors).extracting(FieldError::pointer).containsExactly("/query/to", "/query/from");

        errors.clear();
        assertThat(WeekRange.read("2026-W20", "2026-W10", LocalDate.parse("2026-11-30"), errors)).isNull();
        assertThat(errors).extracting(FieldError::pointer).containsExactly("/query/from");
    }
}
