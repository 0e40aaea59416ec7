package org.medaudit.report.progress;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medaudit.audit.AuditTrail;
import org.medaudit.improvement.Annotation;
import org.medaudit.improvement.Annotations;
import org.medaudit.measure.Basis;
import org.medaudit.measure.RateCalculator;
import org.medaudit.measure.RollUpAccess;
import org.medaudit.measure.WardRates;
import org.medaudit.security.WardAccess;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.ward.SiteView;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;

/**
 * The monthly progress reports of wards and sites: who may read and write them (a ward's team, pharmacists and
 * admins; a site's only for those who may read every ward of it), writing and changing them with every change in
 * the audit trail, and the printed report — the month's measures from {@link RateCalculator}, the annotations in or
 * next to the month, and the team's text.
 */
@Singleton
public class ProgressReports {

    static final String SUBJECT = "progress-report";
    /** The printed report shows each measure's year up to the month, so the month reads against its history. */
    static final int HISTORY_MONTHS = 12;

    private final ProgressReportRepository repository;
    private final WardDirectory wards;
    private final WardAccess wardAccess;
    private final RollUpAccess rollUps;
    private final RateCalculator rates;
    private final Annotations annotations;
    private final AuditTrail audit;
    private final JdbcOperations jdbc;
    private final Clock clock;

    ProgressReports(ProgressReportRepository repository, WardDirectory wards, WardAccess wardAccess,
            RollUpAccess rollUps, RateCalculator rates, Annotations annotations, AuditTrail audit, JdbcOperations jdbc,
            Clock clock) {
        this.repository = repository;
        this.wards = wards;
        this.wardAccess = wardAccess;
        this.rollUps = rollUps;
        this.rates = rates;
        this.annotations = annotations;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The ward, when it exists (404) and the caller may read it (403). */
    public ReportSubject ward(String code, Authentication who) {
        ReportSubject subject = ward(code);
        wardAccess.checkRead(who, wards.wardView(code).orElseThrow());
        return subject;
    }

    /** The ward, when it exists (404), for MedAudit itself (the demo network): no caller to check. */
    public ReportSubject ward(String code) {
        Ward ward = wards.ward(code)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + code));
        return new ReportSubject(ReportSubject.WARD, ward.id(), ward.code(), ward.name(), List.of(ward));
    }

    /** The site, when it exists (404) and the caller may read every ward of it (403). */
    @Transactional
    public ReportSubject site(String code, Authentication who) {
        rollUps.checkSite(who, siteView(code));
        return site(code);
    }

    /** The site, when it exists (404), for MedAudit itself (the demo network): no caller to check. */
    @Transactional
    public ReportSubject site(String code) {
        SiteView site = siteView(code);
        return siteSubject(site, siteIds().get(site.code()));
    }

    private SiteView siteView(String code) {
        return wards.sites().stream().filter(s -> s.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No site with code " + code));
    }

    @Transactional
    public List<ReportView> list(ReportSubject subject) {
        List<ProgressReport> found = subject.isSite() ? repository.findBySiteIdOrderByMonthDesc(subject.id())
                : repository.findByWardIdOrderByMonthDesc(subject.id());
        return found.stream().map(r -> ReportView.of(r, subject)).toList();
    }

    /** Every report the caller may read, newest month first, wards before sites within a month. */
    @Transactional
    public List<ReportView> readable(Authentication who) {
        Map<Long, SiteView> sitesById = new HashMap<>();
        Map<String, Long> ids = siteIds();
        wards.sites().forEach(site -> sitesById.put(ids.get(site.code()), site));
        List<ReportView> views = new ArrayList<>();
        for (ProgressReport report : repository.findAllOrderByMonthDesc()) {
            if (report.wardId() != null) {
                Ward ward = wards.ward(report.wardId());
                if (wardAccess.canRead(who, wards.wardView(ward.code()).orElseThrow())) {
                    views.add(ReportView.of(report, new ReportSubject(ReportSubject.WARD, ward.id(), ward.code(),
                            ward.name(), List.of(ward))));
                }
            } else {
                SiteView site = sitesById.get(report.siteId());
                if (site != null && rollUps.canRead(who, site)) {
                    views.add(ReportView.of(report, siteSubject(site, report.siteId())));
                }
            }
        }
        views.sort(Comparator.comparing(ReportView::month).reversed().thenComparing(ReportView::level,
                Comparator.reverseOrder()).thenComparing(ReportView::code));
        return views;
    }

    @Transactional
    public Optional<ReportView> find(ReportSubject subject, String month) {
        return stored(subject, month).map(r -> ReportView.of(r, subject));
    }

    /** Writes the report of a month that has none yet; refuses every bad field at once, storing nothing. */
    @Transactional
    public ReportView create(ReportSubject subject, ReportDraft draft, String user) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth month = draft.checkMonth(YearMonth.now(clock), errors);
        if (month != null && stored(subject, month.toString()).isPresent()) {
            errors.add(new FieldError("/month", "the report for " + month + " already exists: change it instead"));
        }
        draft.checkText(errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instant now = Instant.now(clock);
        ProgressReport saved = repository.save(new ProgressReport(null, subject.isSite() ? null : subject.id(),
                subject.isSite() ? subject.id() : null, month.toString(), draft.chosenStatus(),
                ReportDraft.text(draft.whatWeTried()), ReportDraft.text(draft.whatWeLearned()),
                ReportDraft.text(draft.whatNext()), user, now, user, now));
        ReportView view = ReportView.of(saved, subject);
        audit.record("progress-report.created", SUBJECT, String.valueOf(saved.id()), null, view);
        return view;
    }

    /** Changes the status and text of a month's report (404 when there is none); its month stays. */
    @Transactional
    public ReportView change(ReportSubject subject, String month, ReportDraft draft, String user) {
        ProgressReport before = stored(subject, month).orElseThrow(() -> missing(subject, month));
        List<FieldError> errors = new ArrayList<>();
        draft.checkText(errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ProgressReport after = repository.update(new ProgressReport(before.id(), before.wardId(), before.siteId(),
                before.month(), draft.chosenStatus(), ReportDraft.text(draft.whatWeTried()),
                ReportDraft.text(draft.whatWeLearned()), ReportDraft.text(draft.whatNext()), before.createdBy(),
                before.createdAt(), user, Instant.now(clock)));
        ReportView view = ReportView.of(after, subject);
        audit.record("progress-report.updated", SUBJECT, String.valueOf(before.id()), ReportView.of(before, subject),
                view);
        return view;
    }

    /** The printed report of a stored month: 404 when the month has no report. */
    @Transactional
    public PrintedReport printed(ReportSubject subject, String month) {
        ReportView report = find(subject, month).orElseThrow(() -> missing(subject, month));
        YearMonth end = YearMonth.parse(month);
        YearMonth start = end.minusMonths(HISTORY_MONTHS - 1);
        WardRates figures = subject.isSite()
                ? rates.siteRates(wards.sites().stream().filter(s -> s.code().equals(subject.code())).findFirst()
                        .orElseThrow(), start, end, Basis.REVIEWED)
                : rates.wardRates(subject.wards().get(0), start, end, Basis.REVIEWED);
        return PrintedReport.of(subject, report, figures, nearby(subject, end));
    }

    /**
     * The annotations of the subject's wards that overlap the month or the months either side of it: a PDSA cycle
     * that ended just before the month explains its figures, one starting just after is the "what next".
     */
    private List<PrintedReport.Note> nearby(ReportSubject subject, YearMonth month) {
        String from = month.minusMonths(1).toString();
        String to = month.plusMonths(1).toString();
        List<PrintedReport.Note> notes = new ArrayList<>();
        for (Ward ward : subject.wards()) {
            for (Annotation a : annotations.ofWard(ward.id())) {
                if (a.startPeriod().compareTo(to) <= 0 && a.endPeriod().compareTo(from) >= 0) {
                    notes.add(new PrintedReport.Note(ward.code(), a.kind(), a.title(), a.description(),
                            a.startDate(), a.endDate(), a.owner(), a.outcome(), a.measureId(),
                            a.covers(month.toString())));
                }
            }
        }
        notes.sort(Comparator.comparing(PrintedReport.Note::startDate).thenComparing(PrintedReport.Note::ward));
        return notes;
    }

    private Optional<ProgressReport> stored(ReportSubject subject, String month) {
        return subject.isSite() ? repository.findBySiteIdAndMonth(subject.id(), month)
                : repository.findByWardIdAndMonth(subject.id(), month);
    }

    private ReportSubject siteSubject(SiteView site, long id) {
        List<Ward> siteWards = site.wards().stream().map(w -> wards.ward(w.code()).orElseThrow()).toList();
        return new ReportSubject(ReportSubject.SITE, id, site.code(), site.name(), siteWards);
    }

    /** Site ids by code, read here because the ward directory keeps sites by code alone. */
    private Map<String, Long> siteIds() {
        return jdbc.prepareStatement("SELECT id, code FROM site", statement -> {
            Map<String, Long> ids = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString("code"), rows.getLong("id"));
                }
            }
            return ids;
        });
    }

    private static HttpStatusException missing(ReportSubject subject, String month) {
        return new HttpStatusException(HttpStatus.NOT_FOUND,
                "No progress report for " + subject.code() + " in " + month);
    }
}
