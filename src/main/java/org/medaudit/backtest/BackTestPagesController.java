package org.medaudit.backtest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medaudit.rules.RuleBookService;
import org.medaudit.security.Roles;
import org.medaudit.system.FieldError;
import org.medaudit.system.FormValues;
import org.medaudit.system.InvalidRequestException;

/** The admin's back-test pages: a form with a start button, and each back-test's progress and result. */
@Controller("/admin/back-tests")
@Secured(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
class BackTestPagesController {

    private final BackTests backTests;
    private final RuleBookService ruleBooks;

    BackTestPagesController(BackTests backTests, RuleBookService ruleBooks) {
        this.backTests = backTests;
        this.ruleBooks = ruleBooks;
    }

    @Get
    ModelAndView<Map<String, Object>> list() {
        return listPage(Map.of("from", "", "to", "", "candidate", BackTestRequest.FILES, "thresholdName", "",
                "thresholdValue", ""), Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(@Body Map<String, Object> body) {
        FormValues form = FormValues.of(body);
        Map<String, Object> filled = Map.of("from", form.text("from"), "to", form.text("to"),
                "candidate", form.text("candidate"), "thresholdName", form.text("thresholdName"),
                "thresholdValue", form.text("thresholdValue"));
        try {
            Map<String, Double> thresholds = new HashMap<>();
            if (!form.text("thresholdName").isBlank()) {
                try {
                    thresholds.put(form.text("thresholdName"), Double.valueOf(form.text("thresholdValue").strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException("/thresholdValue", "must be a number, such as 50");
                }
            }
            BackTestStatus status = backTests.start(new BackTestRequest(form.text("from"), form.text("to"),
                    form.text("candidate"), thresholds));
            return HttpResponse.seeOther(URI.create("/admin/back-tests/" + status.id()));
        } catch (InvalidRequestException e) {
            List<FieldError> errors = e.errors();
            return HttpResponse.unprocessableEntity().body(listPage(filled,
                    FormValues.byField(errors, Map.of("/thresholds", "thresholdName"))));
        }
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(String id) {
        BackTestStatus status = backTests.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No back-test with id " + id));
        return new ModelAndView<>("admin/back-test", new HashMap<>(Map.of("test", status)));
    }

    private ModelAndView<Map<String, Object>> listPage(Map<String, Object> form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("tests", backTests.recent());
        model.put("thresholds", ruleBooks.current().reference().thresholds().keySet().stream().sorted().toList());
        return new ModelAndView<>("admin/back-tests", model);
    }
}
