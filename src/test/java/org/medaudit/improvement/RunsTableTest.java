package org.medaudit.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runs table (clinical-reference.md §4.1): the fewest and most runs random variation gives for n useful
 * observations, from the exact Swed–Eisenhart distribution with 2.5% in each tail. The worked examples count
 * orderings by hand: of the C(n₁+n₂, n₁) ways to order n₁ points above and n₂ below the median, 2·C(n₁−1, k−1)·
 * C(n₂−1, k−1) have 2k runs and C(n₁−1, k)·C(n₂−1, k−1) + C(n₁−1, k−1)·C(n₂−1, k) have 2k+1 runs. A count of runs is
 * a signal when it, with every count more extreme, has a probability of at most 1 in 40.
 */
class RunsTableTest {

    private static RunsTable.Range expected(int useful) {
        return RunsTable.expectedRuns(useful).orElseThrow();
    }

    @Test
    @DisplayName("16 useful observations: 5 to 13 runs are expected (exact), so 4 runs are too few")
    void sixteenUsefulObservations() {
        // 8 above, 8 below: C(16, 8) = 12870 orderings.
        // 2 runs: 2·C(7,0)·C(7,0) = 2; 3 runs: 2·C(7,1)·C(7,0) = 14; 4 runs: 2·7·7 = 98; 5 runs: 2·C(7,2)·C(7,1) = 294.
        // P(≤ 4 runs) = (2 + 14 + 98) / 12870 = 114 / 12870 = 0.0089 ≤ 0.025 → 4 runs is too few.
        // P(≤ 5 runs) = 408 / 12870 = 0.0317 > 0.025 → 5 runs is not. Fewest expected: 5.
        // With 8 and 8 the distribution is symmetric about 9 runs, so P(≥ 14) = 0.0089 and P(≥ 13) = 0.0317:
        // most expected: 13.
        // Quality Digest (Balestracci, "An underrated test for run charts") prints 5–12 for 16 points. That table
        // follows the normal approximation, 9 ± 1.96 × 1.932 = 5.21 to 12.79, cut to whole runs; the exact
        // probability of 13 or more runs is 3.2%, more than 2.5%, so 13 runs is not a signal here. Its example,
        // 4 runs in 16 points, is too few on either table.
        assertThat(expected(16)).isEqualTo(new RunsTable.Range(5, 13));
    }

    @Test
    @DisplayName("10 useful observations, where the table starts: 3 to 9 runs")
    void tenUsefulObservations() {
        // 5 and 5: C(10, 5) = 252. 2 runs: 2; 3 runs: 2·C(4,1)·C(4,0) = 8.
        // P(≤ 2) = 2/252 = 0.0079 → too few; P(≤ 3) = 10/252 = 0.0397 → not. Symmetric: P(≥ 10) = 0.0079,
        // P(≥ 9) = 0.0397. So 3–9.
        assertThat(expected(10)).isEqualTo(new RunsTable.Range(3, 9));
    }

    @Test
    @DisplayName("11 useful observations (5 and 6, not symmetric): 4 to 9 runs")
    void elevenUsefulObservations() {
        // 5 and 6: C(11, 5) = 462. 2 runs: 2·1·1 = 2; 3 runs: C(4,1)·C(5,0) + C(4,0)·C(5,1) = 4 + 5 = 9;
        // 4 runs: 2·C(4,1)·C(5,1) = 40. P(≤ 3) = 11/462 = 0.0238 → too few; P(≤ 4) = 51/462 = 0.110 → not.
        // At most 11 runs (the 5 alternate with the 6): 11 runs: C(4,5)·C(5,4) + C(4,4)·C(5,5) = 0 + 1 = 1;
        // 10 runs: 2·C(4,4)·C(5,4) = 10; 9 runs: C(4,4)·C(5,3) + C(4,3)·C(5,4) = 10 + 20 = 30.
        // P(≥ 10) = 11/462 = 0.0238 → too many; P(≥ 9) = 41/462 = 0.089 → not. So 4–9.
        assertThat(expected(11)).isEqualTo(new RunsTable.Range(4, 9));
    }

    @Test
    @DisplayName("14 useful observations: 4 runs is just inside (86 in 3432 is 2.506%, over 1 in 40)")
    void fourteenIsABorderlineCase() {
        // 7 and 7: C(14, 7) = 3432. 2 runs: 2; 3 runs: 2·C(6,1) = 12; 4 runs: 2·6·6 = 72.
        // P(≤ 3) = 14/3432 = 0.0041 → too few. P(≤ 4) = 86/3432 = 0.02506, and 86 × 40 = 3440 > 3432, so 4 runs
        // is not too few: fewest 4. Symmetric about 8: most 16 − 4 = 12.
        assertThat(expected(14)).isEqualTo(new RunsTable.Range(4, 12));
    }

    @Test
    @DisplayName("below 10 useful observations there is no runs test")
    void noTableBelowTen() {
        assertThat(RunsTable.expectedRuns(9)).isEmpty();
        assertThat(RunsTable.expectedRuns(0)).isEmpty();
        assertThat(RunsTable.expectedRuns(10)).isPresent();
    }

    @ParameterizedTest(name = "{0} above and {1} below: reject at ≤ {2} or ≥ {3} runs")
    @DisplayName("agrees with the published two-tailed 5% critical values for the number of runs")
    @CsvSource({
        // n₁, n₂, lower critical value, upper critical value — Swed & Eisenhart (1943), as reprinted in the
        // usual statistics tables (e.g. Triola, Elementary Statistics, Table A-10): reject when the runs are at or
        // beyond either value. The expected range is one inside each.
        "5, 5, 2, 10", "5, 6, 3, 10", "6, 6, 3, 11", "6, 7, 3, 12", "7, 7, 3, 13", "7, 8, 4, 13",
        "8, 8, 4, 14", "8, 9, 5, 14", "9, 9, 5, 15", "9, 10, 5, 16", "10, 10, 6, 16", "4, 10, 3, 10"})
    void publishedCriticalValues(int above, int below, int lowerCritical, int upperCritical) {
        assertThat(RunsTable.range(above, below)).isEqualTo(new RunsTable.Range(lowerCritical + 1, upperCritical - 1));
    }

    @Test
    @DisplayName("the Swed–Eisenhart counts cover every ordering exactly once")
    void countsSumToAllOrderings() {
        // 8 and 8: 12870 orderings; 3 and 7: C(10, 3) = 120; 12 and 13: C(25, 12) = 5200300.
        assertThat(sum(RunsTable.waysToMakeRuns(8, 8))).isEqualTo(BigInteger.valueOf(12870));
        assertThat(sum(RunsTable.waysToMakeRuns(3, 7))).isEqualTo(BigInteger.valueOf(120));
        assertThat(sum(RunsTable.waysToMakeRuns(12, 13))).isEqualTo(BigInteger.valueOf(5200300));
    }

    @Test
    @DisplayName("for an even number of useful observations the range is symmetric about n/2 + 1 runs")
    void evenCountsAreSymmetric() {
        // With n/2 on each side the run count is symmetric about its mean, n/2 + 1, so fewest + most = n + 2.
        IntStream.iterate(10, n -> n <= 80, n -> n + 2).forEach(n -> {
            RunsTable.Range range = expected(n);
            assertThat(range.fewest() + range.most()).as("n = %d", n).isEqualTo(n + 2);
            assertThat(range.fewest()).as("n = %d", n).isLessThan(n / 2 + 1);
        });
    }

    private static BigInteger sum(BigInteger[] values) {
        return Arrays.stream(values).reduce(BigInteger.ZERO, BigInteger::add);
    }
}
