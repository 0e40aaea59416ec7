package org.medaudit.system;

import io.micronaut.core.annotation.Nullable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of whole ISO weeks (Monday to Sunday, week 1 holding the year's first Thursday), both ends included,
 * written {@code YYYY-Www} as the {@code from} and {@code to} query parameters give it when rates are asked
 * {@code period=week}. The weekly counterpart of {@link MonthRange}.
 *
 * @param from the Monday of the first week
 * @param to the Monday of the last week
 */
public record WeekRange(LocalDate from, LocalDate to) {

    /** Weeks in the default period: the 26 up to and including this one. */
    public static final int DEFAULT_WEEKS = 26;
    /** Ten years of weeks, as {@link MonthRange#MAX_MONTHS}. */
    public static final int MAX_WEEKS = 522;

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** The ISO week of a day, {@code YYYY-Www} (the text order of such labels is their time order). */
    public static String label(LocalDate day) {
        return "%04d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of a week label, or null when the text is not a week that exists (2026-W53 does not). */
    public static @Nullable LocalDate monday(String label) {
        Matcher m = WEEK.matcher(label.strip());
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate anyDay = LocalDate.of(year, 6, 1);
        if (week < 1 || week > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return null;
        }
        return anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    /** Every week of the range, in order, as labels. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (LocalDate monday = from; !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            labels.add(label(monday));
        }
        return labels;
    }

    /**
     * Reads {@code from} and {@code to}; a missing {@code to} is this week, a missing {@code from} 25 weeks before
     * {@code to}. Adds a problem naming the parameter to {@code errors} (and returns null) for a malformed or
     * non-existent week, a reversed range or one longer than {@link #MAX_WEEKS}.
     */
    public static @Nullable WeekRange read(@Nullable String from, @Nullable String to, LocalDate today,
            List<FieldError> errors) {
        int before = errors.size();
        LocalDate end = week("to", to, today.with(DayOfWeek.MONDAY), errors);
        LocalDate start = week("from", from, end == null ? null : end.minusWeeks(DEFAULT_WEEKS - 1), errors);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("/query/from", "must not be after 'to' (" + label(end) + ")"));
            } else if (ChronoUnit.WEEKS.between(start, end) >= MAX_WEEKS) {
                errors.add(new FieldError("/query/from", "the range may span at most " + MAX_WEEKS + " weeks"));
            }
        }
        return errors.size() == before ? new WeekRange(start, end) : null;
    }

    private static LocalDate week(String name, String value, LocalDate otherwise, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        LocalDate monday = monday(value);
        if (monday == null) {
            errors.add(new FieldError("/query/" + name,
                    "must be an ISO week written YYYY-Www that exists, such as 2026-W05"));
        }
        return monday;
    }
}
