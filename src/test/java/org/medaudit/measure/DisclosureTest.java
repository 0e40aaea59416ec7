package org.medaudit.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisclosureTest {

    private final Disclosure disclosure = new Disclosure(new SmallNumbers(5));

    private static Series.Point point(long numerator) {
        return new Series.Point("2026-10", true, numerator, 40L, numerator * 100 / 40.0, 5.0, 0.0, 12.0, 0,
                List.of(), List.of(), 20L, 20, 100.0, null);
    }

    @ParameterizedTest(name = "{0} is hidden")
    @ValueSource(longs = {1, 2, 3, 4})
    @DisplayName("a numerator from 1 to 4 is null and marked suppressed, with the value and limits that reveal it")
    void smallCountsAreHidden(long numerator) {
        Series.Point shown = disclosure.suppressed(point(numerator));

        assertThat(shown.numerator()).isNull();
        assertThat(shown.value()).isNull();
        assertThat(shown.lower()).isNull();
        assertThat(shown.upper()).isNull();
        assertThat(shown.suppressed()).isTrue();
        assertThat(shown.denominator()).isEqualTo(40L);
        assertThat(shown.centre()).isEqualTo(5.0);
    }

    @ParameterizedTest(name = "{0} is shown")
    @ValueSource(longs = {0, 5, 6, 40})
    @DisplayName("zero and counts of 5 or more are shown as they are")
    void zeroAndLargeCountsAreShown(long numerator) {
        assertThat(disclosure.suppressed(point(numerator))).isEqualTo(point(numerator));
    }

    @ParameterizedTest(name = "minimum {0}")
    @ValueSource(ints = {1})
    @DisplayName("a minimum of 1 turns suppression off")
    void minimumOfOne(int minimum) {
        WardRates rates = new WardRates("RGH", "site", "month", "2026-10", "2026-10", "reviewed", List.of());
        assertThat(new Disclosure(new SmallNumbers(minimum)).suppressed(rates)).isSameAs(rates);
        assertThat(new SmallNumbers(minimum).suppressed(1)).isFalse();
    }
}
