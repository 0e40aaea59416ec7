package org.medaudit.report.chart;

import java.util.List;

/**
 * SVG path data for lines that may be broken: a point that is null (a month not audited, a value hidden) ends the
 * line, and the next point starts a new one with a move. Nothing is ever drawn across a gap.
 */
public final class Paths {

    private Paths() {
    }

    /** An (x, y) position in pixels. */
    public record XY(double x, double y) {
    }

    /** A polyline through the points, broken at each null; a lone point between gaps is left to its marker. */
    public static String line(List<XY> points) {
        StringBuilder d = new StringBuilder();
        boolean drawing = false;
        for (XY point : points) {
            if (point == null) {
                drawing = false;
                continue;
            }
            d.append(d.isEmpty() ? "" : " ").append(drawing ? "L" : "M").append(Svg.num(point.x())).append(' ')
                    .append(Svg.num(point.y()));
            drawing = true;
        }
        return d.toString();
    }

    /**
     * A stepped line for values that belong to a whole slot (a centre line or limit that varies with each month's
     * denominator): level across each point's slot, {@code halfWidth} either side of its x, vertical between
     * neighbouring slots, broken at each null.
     */
    public static String steps(List<XY> points, double halfWidth) {
        StringBuilder d = new StringBuilder();
        XY previous = null;
        for (XY point : points) {
            if (point == null) {
                previous = null;
                continue;
            }
            if (previous == null) {
                d.append(d.isEmpty() ? "" : " ").append('M').append(Svg.num(point.x() - halfWidth)).append(' ')
                        .append(Svg.num(point.y()));
            } else if (Svg.num(point.y()).equals(Svg.num(previous.y()))) {
                // Level with the slot before: the horizontal line simply continues.
                d.setLength(d.lastIndexOf(" H"));
            } else {
                d.append(" V").append(Svg.num(point.y()));
            }
            d.append(" H").append(Svg.num(point.x() + halfWidth));
            previous = point;
        }
        return d.toString();
    }
}
