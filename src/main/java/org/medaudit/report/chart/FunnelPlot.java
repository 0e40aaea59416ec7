package org.medaudit.report.chart;

import static org.medaudit.report.chart.Svg.escape;
import static org.medaudit.report.chart.Svg.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A funnel plot: each ward's rate against its denominator, around the site's rate, with control limits that narrow
 * as the denominator grows (Spiegelhalter, Stat Med 2005;24:1185). A ward outside the 99.8% limits differs from the
 * site by more than chance would explain; inside them, the ranking of wards means nothing.
 *
 * <p>Limits use the normal approximation, with θ the site's rate as a fraction and n a ward's denominator:
 * <ul>
 *   <li>binomial (p measures, a proportion of charts or patients): θ ± z·√(θ(1−θ)/n), clamped to [0, 1];</li>
 *   <li>Poisson (u measures, events per order or per chart): θ ± z·√(θ/n), not below 0;</li>
 * </ul>
 * with z = 1.96 for the 95% limits and z = 3.09 for the 99.8% limits, then multiplied by the measure's
 * {@code per}. Wards whose numerator is too small to show outside the ward are not plotted at all.
 */
public final class FunnelPlot {

    /** The two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;
    /** The two-sided 99.8% normal quantile. */
    public static final double Z998 = 3.090232306167813;

    /** How counts vary by chance: binomial for proportions, Poisson for rates. */
    public enum Model {
        BINOMIAL, POISSON;

        /** Binomial for a p chart's measure, Poisson for any other. */
        public static Model forChart(String chart) {
            return "p".equals(chart) ? BINOMIAL : POISSON;
        }
    }

    /** Lower and upper limits, as fractions. */
    public record Limits(double lower, double upper) {
    }

    /**
     * A ward on the plot: its code, numerator and denominator over the period; {@code suppressed} when its
     * numerator must not be shown outside the ward (it is then not drawn).
     */
    public record Unit(String code, long numerator, long denominator, boolean suppressed) {

        public double fraction() {
            return (double) numerator / denominator;
        }
    }

    /** The limits at denominator {@code n} around {@code centre} (a fraction), for quantile {@code z}. */
    public static Limits limits(Model model, double centre, double n, double z) {
        if (n <= 0) {
            throw new IllegalArgumentException("A funnel limit needs a positive denominator, not " + n);
        }
        double spread = model == Model.BINOMIAL ? Math.sqrt(centre * (1 - centre) / n) : Math.sqrt(centre / n);
        double lower = Math.max(0, centre - z * spread);
        double upper = centre + z * spread;
        return new Limits(lower, model == Model.BINOMIAL ? Math.min(1, upper) : upper);
    }

    /** Where a ward falls: {@code inside}, {@code beyond-95} (between the 95% and 99.8% limits), or {@code beyond-998}. */
    public static String band(Model model, double centre, Unit unit) {
        double value = unit.fraction();
        Limits outer = limits(model, centre, unit.denominator(), Z998);
        if (value < outer.lower() || value > outer.upper()) {
            return "beyond-998";
        }
        Limits inner = limits(model, centre, unit.denominator(), Z95);
        return value < inner.lower() || value > inner.upper() ? "beyond-95" : "inside";
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 360;
    private static final int LEFT = 58;
    private static final int RIGHT = 24;
    private static final int TOP = 16;
    private static final int BOTTOM = 46;
    private static final int CURVE_STEPS = 120;

    /**
     * The plot as SVG text. {@code centre} is the site's rate as a fraction; {@code per} turns fractions into the
     * measure's units; {@code improvement} colours wards beyond the 99.8% limits as improvement or concern.
     */
    public static String render(String id, String label, Model model, double centre, int per, String unit,
            String denominatorName, String improvement, List<Unit> units) {
        boolean percentage = "%".equals(unit);
        List<Unit> shown = units.stream().filter(u -> !u.suppressed() && u.denominator() > 0).toList();
        double maxN = shown.stream().mapToDouble(Unit::denominator).max().orElse(10);
        Scale x = Scale.nice(0, maxN, 0, Double.MAX_VALUE, 6, LEFT, WIDTH - RIGHT);
        double minN = shown.stream().mapToDouble(Unit::denominator).min().orElse(maxN);
        List<Double> ys = new ArrayList<>();
        ys.add(centre * per);
        shown.forEach(u -> ys.add(u.fraction() * per));
        // The funnel's mouth at the smallest ward, so every ward can be read against its own limits.
        Limits mouth = limits(model, centre, minN, Z998);
        ys.add(mouth.lower() * per);
        ys.add(mouth.upper() * per);
        Scale y = Scale.nice(ys.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                ys.stream().mapToDouble(Double::doubleValue).max().orElse(1), 0,
                percentage ? 100 : Double.MAX_VALUE, 5, HEIGHT - BOTTOM, TOP);
        String safeId = escape(id);
        StringBuilder out = new StringBuilder(8192);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" class=\"ma-chart ma-funnel\" role=\"img\" aria-label=\"")
                .append(escape(label)).append("\" aria-describedby=\"").append(safeId).append("-desc\">");
        out.append("<title>").append(escape(label)).append("</title>");
        out.append("<desc id=\"").append(safeId).append("-desc\">").append(escape(description(model, centre, per,
                unit, units, shown))).append("</desc>");
        out.append("<defs><clipPath id=\"").append(safeId).append("-clip\"><rect x=\"").append(LEFT)
                .append("\" y=\"").append(TOP).append("\" width=\"").append(WIDTH - LEFT - RIGHT)
                .append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\"/></clipPath></defs>");
        axes(out, x, y, percentage, unit, denominatorName);
        out.append("<g clip-path=\"url(#").append(safeId).append("-clip)\">");
        curve(out, "ma-funnel__limit ma-funnel__limit--998", model, centre, per, Z998, x, y, true);
        curve(out, "ma-funnel__limit ma-funnel__limit--998", model, centre, per, Z998, x, y, false);
        curve(out, "ma-funnel__limit ma-funnel__limit--95", model, centre, per, Z95, x, y, true);
        curve(out, "ma-funnel__limit ma-funnel__limit--95", model, centre, per, Z95, x, y, false);
        double cy = y.map(centre * per);
        out.append("<line class=\"ma-centre\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(num(cy)).append("\" y2=\"").append(num(cy)).append("\"/>");
        out.append("</g>");
        out.append("<g class=\"ma-points\">");
        for (Unit u : shown) {
            String band = band(model, centre, u);
            String kind = !"beyond-998".equals(band) ? null
                    : switch (improvement) {
                        case "increase" -> u.fraction() > centre ? "improvement" : "concern";
                        case "decrease" -> u.fraction() > centre ? "concern" : "improvement";
                        default -> "neutral";
                    };
            double px = x.map(u.denominator());
            double py = y.map(u.fraction() * per);
            out.append("<g class=\"ma-funnel__ward\" data-ward=\"").append(escape(u.code())).append("\">")
                    .append("<circle class=\"ma-point").append(kind == null ? "" : " ma-point--" + kind)
                    .append("beyond-95".equals(band) ? " ma-point--warning" : "").append("\" cx=\"").append(num(px))
                    .append("\" cy=\"").append(num(py)).append("\" r=\"5\"><title>").append(escape(u.code()))
                    .append(": ").append(Svg.number(u.fraction() * per, 2)).append(percentage ? "%" : " " + escape(unit))
                    .append(" (").append(u.numerator()).append(" of ").append(u.denominator()).append(")")
                    .append("</title></circle><text class=\"ma-funnel__label\" x=\"").append(num(px + 8))
                    .append("\" y=\"").append(num(py + 4)).append("\">").append(escape(u.code()))
                    .append("</text></g>");
        }
        out.append("</g></svg>");
        return out.toString();
    }

    private static String description(Model model, double centre, int per, String unit, List<Unit> all,
            List<Unit> shown) {
        boolean percentage = "%".equals(unit);
        long suppressed = all.stream().filter(Unit::suppressed).count();
        return "Funnel plot of " + shown.size() + " wards against the site rate of "
                + Svg.number(centre * per, 2) + (percentage ? "%" : " " + unit) + ", with 95% and 99.8% "
                + (model == Model.BINOMIAL ? "binomial" : "Poisson") + " limits. "
                + (suppressed == 0 ? "" : suppressed + (suppressed == 1 ? " ward is" : " wards are")
                        + " not plotted: too few to show outside the ward.");
    }

    private static void curve(StringBuilder out, String css, Model model, double centre, int per, double z,
            Scale x, Scale y, boolean upper) {
        List<Paths.XY> points = new ArrayList<>();
        double max = x.domainMax();
        double start = Math.max(max / CURVE_STEPS / 4, 0.5);
        for (int i = 0; i <= CURVE_STEPS; i++) {
            // Denser steps where the funnel turns fastest, at small denominators.
            double n = start + (max - start) * Math.pow((double) i / CURVE_STEPS, 2);
            Limits limits = limits(model, centre, n, z);
            double value = (upper ? limits.upper() : limits.lower()) * per;
            // Keep the path inside a sane band; the clip path trims the rest.
            double py = Math.max(-1000, Math.min(2000, y.map(value)));
            points.add(new Paths.XY(x.map(n), py));
        }
        out.append("<path class=\"").append(css).append("\" d=\"").append(Paths.line(points)).append("\"/>");
    }

    private static void axes(StringBuilder out, Scale x, Scale y, boolean percentage, String unit,
            String denominatorName) {
        out.append("<g class=\"ma-axis\">");
        for (double tick : y.ticks(5)) {
            double ty = y.map(tick);
            out.append("<line class=\"ma-grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(num(ty)).append("\" y2=\"").append(num(ty)).append("\"/>")
                    .append("<text class=\"ma-tick-label\" x=\"").append(LEFT - 5).append("\" y=\"")
                    .append(num(ty + 3.5)).append("\" text-anchor=\"end\">").append(Svg.number(tick, 2))
                    .append(percentage ? "%" : "").append("</text>");
        }
        double base = HEIGHT - BOTTOM;
        out.append("<line class=\"ma-axis-line\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(num(base)).append("\" y2=\"").append(num(base)).append("\"/>");
        for (double tick : x.ticks(6)) {
            double tx = x.map(tick);
            out.append("<line class=\"ma-tick\" x1=\"").append(num(tx)).append("\" x2=\"").append(num(tx))
                    .append("\" y1=\"").append(num(base)).append("\" y2=\"").append(num(base + 4)).append("\"/>")
                    .append("<text class=\"ma-tick-label\" x=\"").append(num(tx)).append("\" y=\"")
                    .append(num(base + 16)).append("\" text-anchor=\"middle\">").append(Svg.number(tick, 1))
                    .append("</text>");
        }
        out.append("<text class=\"ma-axis-label\" x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"")
                .append(HEIGHT - 6).append("\" text-anchor=\"middle\">")
                .append(escape(denominatorName.substring(0, 1).toUpperCase(Locale.ROOT) + denominatorName.substring(1)))
                .append(" (denominator)</text>");
        double cy = (TOP + HEIGHT - BOTTOM) / 2.0;
        out.append("<text class=\"ma-axis-label\" x=\"14\" y=\"").append(num(cy))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ").append(num(cy)).append(")\">")
                .append(escape(percentage ? "Per cent" : unit)).append("</text>");
        out.append("</g>");
    }

    private FunnelPlot() {
    }
}
