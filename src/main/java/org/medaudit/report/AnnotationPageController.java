package org.medaudit.report;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medaudit.improvement.Annotation;
import org.medaudit.improvement.Annotations;
import org.medaudit.measure.MeasureCatalogue;
import org.medaudit.security.Roles;
import org.medaudit.security.WardAccess;
import org.medaudit.system.FormValues;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/**
 * The form a ward team records a change idea, PDSA cycle or event with. It sends what was typed to the same
 * {@link Annotations} service as the JSON API, so both check alike; a refusal shows the form again with the
 * messages beside the fields.
 */
@Controller("/wards/{code}/annotations")
@Produces(MediaType.TEXT_HTML)
@Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
class AnnotationPageController {

    /** The form's fields, in the order of the JSON API. */
    private static final List<String> FIELDS = List.of("kind", "measure", "title", "description", "startDate",
            "endDate", "owner", "outcome");

    private final Annotations annotations;
    private final WardDirectory wards;
    private final WardAccess access;
    private final MeasureCatalogue measures;
    private final JsonMapper json;

    AnnotationPageController(Annotations annotations, WardDirectory wards, WardAccess access,
            MeasureCatalogue measures, JsonMapper json) {
        this.annotations = annotations;
        this.wards = wards;
        this.access = access;
        this.measures = measures;
        this.json = json;
    }

    @Get("/new")
    ModelAndView<Map<String, Object>> form(String code, Authentication who) {
        return view(readable(code, who), Map.of("kind", Annotation.PDSA), Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(String code, @Body Map<String, Object> body, Authentication who) {
        WardView view = readable(code, who);
        Ward ward = wards.ward(code).orElseThrow();
        FormValues form = FormValues.of(body);
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(field -> typed.put(field, form.text(field)));
        Map<String, Object> request = new LinkedHashMap<>();
        typed.forEach((field, value) -> {
            if (!value.isEmpty()) {
                request.put(field, value);
            }
        });
        try {
            annotations.create(ward, json.writeValueAsBytes(request), who.getName());
        } catch (InvalidRequestException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(view(view, typed, FormValues.byField(e.errors(), Map.of())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.seeOther(URI.create("/wards/" + view.code() + "#annotations"));
    }

    private ModelAndView<Map<String, Object>> view(WardView ward, Map<String, String> values,
            Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("ward", ward);
        model.put("values", values);
        model.put("errors", errors);
        model.put("kinds", Annotation.KINDS.stream().map(kind -> Map.of("code", kind, "text",
                WardPage.kindText(kind))).toList());
        model.put("measures", measures.all());
        return new ModelAndView<>("wards/annotation", model);
    }

    private WardView readable(String code, Authentication who) {
        WardView ward = wards.wardView(code)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + code));
        access.checkRead(who, ward);
        return ward;
    }
}
