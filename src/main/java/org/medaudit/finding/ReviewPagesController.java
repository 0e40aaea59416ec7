package org.medaudit.finding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medaudit.rules.Taxonomy;
import org.medaudit.sample.MedicationOrder;
import org.medaudit.sample.SampleIntake;
import org.medaudit.sample.SampleView;
import org.medaudit.security.Roles;
import org.medaudit.system.FormValues;
import org.medaudit.system.InvalidRequestException;

/**
 * The findings review page of one audited chart: each finding with its severity, and for each the pharmacist's
 * decision (confirm, or override with a coded reason), plus a form to add a finding the rules missed. Decisions
 * post back here and redirect to the page again; a refused one comes back with the message beside its field.
 */
@Controller("/audits/{id}")
@Secured({Roles.ADMIN, Roles.PHARMACIST})
@Produces(MediaType.TEXT_HTML)
class ReviewPagesController {

    /** What each {@code done} code says after a decision was saved (never text from the URL). */
    private static final Map<String, String> DONE = Map.of(
            "entered", "Chart saved. Review each finding below.",
            "corrected", "Chart corrected and checked again. Reviews of findings that still apply were kept.",
            "confirmed", "Finding confirmed.",
            "overridden", "Finding overridden.",
            "added", "Finding added.");

    /** GOV.UK tag colours by severity, most severe reddest. */
    private static final Map<String, String> SEVERITY_TAGS = Map.of("potentially-lethal", "govuk-tag--red",
            "serious", "govuk-tag--orange", "significant", "govuk-tag--yellow", "minor", "govuk-tag--grey");

    private static final Map<String, List<String>> STATUS_LABELS = Map.of(
            Finding.FLAGGED, List.of("To review", "govuk-tag--blue"),
            Finding.CONFIRMED, List.of("Confirmed", "govuk-tag--green"),
            Finding.OVERRIDDEN, List.of("Overridden", "govuk-tag--grey"),
            Finding.MANUAL, List.of("Added by pharmacist", "govuk-tag--purple"));

    private final FindingReview review;
    private final SampleIntake samples;

    ReviewPagesController(FindingReview review, SampleIntake samples) {
        this.review = review;
        this.samples = samples;
    }

    @Get
    ModelAndView<Map<String, Object>> page(String id, @Nullable @QueryValue String done) {
        return page(id, Map.of(), null, Map.of(), Map.of(), done == null ? null : DONE.get(done));
    }

    @Post(value = "/findings/{findingId}/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(String id, String findingId, Authentication who) {
        review.confirm(id, findingId, who.getName());
        return backTo(id, findingId, "confirmed");
    }

    @Post(value = "/findings/{findingId}/override", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> override(String id, String findingId, @Body Map<String, Object> body, Authentication who) {
        FormValues form = FormValues.of(body);
        try {
            review.override(id, findingId, new ReviewRequests.Override(form.text("reason"), form.text("comment")),
                    who.getName());
            return backTo(id, findingId, "overridden");
        } catch (InvalidRequestException e) {
            String prefix = "override-" + findingId + "-";
            return HttpResponse.unprocessableEntity().body(page(id,
                    FormValues.byField(e.errors(), Map.of("/reason", prefix + "reason", "/comment",
                            prefix + "comment")),
                    findingId, Map.of("reason", form.text("reason"), "comment", form.text("comment")), Map.of(),
                    null));
        }
    }

    @Post(value = "/findings", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(String id, @Body Map<String, Object> body, Authentication who) {
        FormValues form = FormValues.of(body);
        Map<String, String> draft = Map.of("category", form.text("category"), "errorType", form.text("errorType"),
                "severity", form.text("severity"), "orderIndex", form.text("orderIndex"), "drug", form.text("drug"),
                "message", form.text("message"));
        try {
            FindingView added = review.add(id, new ReviewRequests.NewFinding(draft.get("category"),
                    draft.get("errorType"), draft.get("severity"), draft.get("drug"), orderIndex(draft),
                    draft.get("message")), who.getName());
            return backTo(id, added.id(), "added");
        } catch (InvalidRequestException e) {
            return HttpResponse.unprocessableEntity().body(page(id, FormValues.byField(e.errors(), Map.of()), null,
                    Map.of(), draft, null));
        }
    }

    // ---- model ----

    private ModelAndView<Map<String, Object>> page(String id, Map<String, String> errors, String overriding,
            Map<String, String> overrideDraft, Map<String, String> manualDraft, String done) {
        SampleView sample = samples.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No chart sample with id " + id));
        Map<String, Object> model = new HashMap<>();
        model.put("sample", sample);
        model.put("orders", orderLines(sample));
        model.put("awaiting", sample.findings().stream().filter(f -> Finding.FLAGGED.equals(f.status())).count());
        model.put("errors", errors);
        model.put("overriding", overriding);
        model.put("overrideDraft", overrideDraft);
        model.put("manual", manualDraft.isEmpty() ? Map.of("category", "", "errorType", "", "severity", "",
                "orderIndex", "", "drug", "", "message", "") : manualDraft);
        model.put("reasons", FindingReview.OVERRIDE_REASONS);
        model.put("categories", Taxonomy.CATEGORIES.stream().sorted().toList());
        model.put("errorTypes", Taxonomy.ERROR_TYPES.stream().sorted().toList());
        model.put("severities", Taxonomy.SEVERITIES);
        model.put("severityTags", SEVERITY_TAGS);
        model.put("statusLabels", STATUS_LABELS);
        model.put("maxComment", FindingReview.MAX_COMMENT);
        model.put("done", done);
        return new ModelAndView<>("audits/review", model);
    }

    /** Each order as the page lists it: number, drug, dose with unit, route, frequency. */
    private static List<Map<String, Object>> orderLines(SampleView sample) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < sample.orders().size(); i++) {
            MedicationOrder order = sample.orders().get(i);
            String dose = (order.dose() == null ? "" : BigDecimal.valueOf(order.dose()).stripTrailingZeros()
                    .toPlainString()) + (order.unit() == null ? "" : " " + order.unit());
            lines.add(Map.of("number", i + 1, "drug", order.drug(), "dose", dose.strip(),
                    "route", Objects.toString(order.route(), ""),
                    "frequency", Objects.toString(order.frequency(), "")));
        }
        return lines;
    }

    private static Integer orderIndex(Map<String, String> draft) {
        String value = draft.get("orderIndex");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("/orderIndex", "must be an order of this chart");
        }
    }

    private static HttpResponse<?> backTo(String id, String findingId, String done) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).headers(headers -> headers.location(
                URI.create("/audits/" + id + "?done=" + done + "#finding-" + findingId)));
    }
}
