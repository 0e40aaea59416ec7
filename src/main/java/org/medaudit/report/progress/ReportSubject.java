package org.medaudit.report.progress;

import java.util.List;
import org.medaudit.ward.Ward;

/**
 * What a progress report is about: a ward, or a site (its wards' figures summed).
 *
 * @param level {@code ward} or {@code site}
 * @param id the ward's or the site's database id
 * @param wards the ward itself, or every ward of the site (their annotations appear in the report)
 */
public record ReportSubject(String level, long id, String code, String name, List<Ward> wards) {

    public static final String WARD = "ward";
    public static final String SITE = "site";

    public boolean isSite() {
        return SITE.equals(level);
    }

    /** The page listing this subject's reports. */
    public String path() {
        return (isSite() ? "/sites/" : "/wards/") + code + "/reports";
    }
}
