package org.medaudit.measure;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Every measure's series for one ward, or for a site or the whole network with counts summed over their wards, over
 * a range of months or ISO weeks.
 *
 * @param ward the ward code, the site code, or {@code network}
 * @param level {@code ward}, {@code site} or {@code network}
 * @param period {@code month} (periods {@code YYYY-MM}) or {@code week} (ISO weeks, {@code YYYY-Www})
 * @param basis which findings were counted: {@code reviewed} or {@code flagged} (see {@link Basis})
 */
@Serdeable
public record WardRates(String ward, String level, String period, String from, String to, String basis,
        List<Series> series) {
}
