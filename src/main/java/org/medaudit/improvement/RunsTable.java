package org.medaudit.improvement;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs table of Perla, Provost &amp; Murray (BMJ Qual Saf 2011;20:46–51, Table 1): for a run chart with a given
 * number of useful observations (points not on the median), the fewest and most runs expected from random variation
 * at about 5% risk. Perla's table is built from the Swed–Eisenhart critical values (Ann Math Stat 1943;14:66–87);
 * rather than copy a printed table, this computes them exactly from the Swed–Eisenhart distribution of the number of
 * runs, with the useful observations split by the median as evenly as they can be (⌊n/2⌋ on one side, ⌈n/2⌉ on the
 * other) and 2.5% in each tail, so it reproduces the published two-tailed 5% critical values and extends past them.
 * Like the printed table, it starts at 10 useful observations.
 */
public final class RunsTable {

    /** Perla's table (and Balestracci's in Data Sanity) starts here: fewer points cannot show too few runs. */
    public static final int FEWEST_USEFUL_OBSERVATIONS = 10;

    /** 2.5% in each tail: a run count is a signal when it, or one more extreme, has at most 1 chance in 40. */
    private static final BigInteger ONE_TAIL = BigInteger.valueOf(40);

    private static final Map<Integer, Range> TABLE = new ConcurrentHashMap<>();

    /** Runs expected from random variation: fewer than {@code fewest} or more than {@code most} is a signal. */
    public record Range(int fewest, int most) {
    }

    private RunsTable() {
    }

    /** The expected range of runs for this many useful observations; empty below 10, where the table starts. */
    public static Optional<Range> expectedRuns(int usefulObservations) {
        if (usefulObservations < FEWEST_USEFUL_OBSERVATIONS) {
            return Optional.empty();
        }
        return Optional.of(TABLE.computeIfAbsent(usefulObservations, n -> range(n / 2, n - n / 2)));
    }

    /** The expected range of runs for a sequence of {@code above} points of one kind and {@code below} of the other. */
    static Range range(int above, int below) {
        BigInteger[] ways = waysToMakeRuns(above, below);
        BigInteger total = binomial(above + below, above);
        int fewest = 1;
        BigInteger atMost = BigInteger.ZERO;
        do {
            fewest++;
            atMost = atMost.add(ways[fewest]);
        } while (fewest < ways.length - 1 && atMost.multiply(ONE_TAIL).compareTo(total) <= 0);
        int most = ways.length;
        BigInteger atLeast = BigInteger.ZERO;
        do {
            most--;
            atLeast = atLeast.add(ways[most]);
        } while (most > 2 && atLeast.multiply(ONE_TAIL).compareTo(total) <= 0);
        return new Range(fewest, most);
    }

    /**
     * Swed–Eisenhart: of the C(n₁+n₂, n₁) orderings of n₁ and n₂ points, the number with exactly r runs is
     * 2·C(n₁−1, k−1)·C(n₂−1, k−1) for r = 2k, and C(n₁−1, k)·C(n₂−1, k−1) + C(n₁−1, k−1)·C(n₂−1, k) for r = 2k+1.
     * Indexed by r (0 and 1 stay zero when both kinds are present).
     */
    static BigInteger[] waysToMakeRuns(int above, int below) {
        BigInteger[] ways = new BigInteger[above + below + 1];
        for (int r = 0; r < ways.length; r++) {
            int k = r / 2;
            ways[r] = r < 2 ? BigInteger.ZERO
                    : r % 2 == 0
                            ? binomial(above - 1, k - 1).multiply(binomial(below - 1, k - 1)).shiftLeft(1)
                            : binomial(above - 1, k).multiply(binomial(below - 1, k - 1))
                                    .add(binomial(above - 1, k - 1).multiply(binomial(below - 1, k)));
        }
        return ways;
    }

    /** C(n, k), zero outside 0 ≤ k ≤ n. */
    static BigInteger binomial(int n, int k) {
        if (k < 0 || n < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= Math.min(k, n - k); i++) {
            result = result.multiply(BigInteger.valueOf(n - i + 1)).divide(BigInteger.valueOf(i));
        }
        return result;
    }
}
