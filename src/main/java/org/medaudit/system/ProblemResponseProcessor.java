package org.medaudit.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns every error Micronaut answers itself (404, 405, 413, 415, 400 on a bad parameter, 403, and any unhandled
 * exception) into a problem+json body, so a client sees one error shape everywhere and never a stack trace. A
 * person following a link in a browser gets the same problem as a page in MedAudit's own layout instead: a raw
 * JSON body is no answer to a pharmacist who mistyped an address. The API always answers problem+json.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemResponseProcessor implements ErrorResponseProcessor<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> pages;
    private final ViewsModelDecorator layoutModel;

    ProblemResponseProcessor(ViewsRenderer<Map<String, Object>, HttpRequest<?>> pages,
            ViewsModelDecorator layoutModel) {
        this.pages = pages;
        this.layoutModel = layoutModel;
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String detail = context.getErrors().stream().map(Error::getMessage).findFirst()
                // A 503's message is ours (the database was busy) and tells the client what to do; other 5xx
                // messages may expose internals.
                .filter(message -> status.getCode() < 500 || status == HttpStatus.SERVICE_UNAVAILABLE)
                .orElse(status.getCode() >= 500
                        ? "Something went wrong on our side; nothing was stored. The error has been logged."
                        : status.getReason());
        Problem problem = new Problem(Problem.type(slug(status)), status.getReason(), status.getCode(), detail, null);
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> answer = (MutableHttpResponse<Object>) response;
        if (wantsPage(context.getRequest())) {
            String page = page(context.getRequest(), problem);
            if (page != null) {
                return answer.contentType(MediaType.TEXT_HTML_TYPE).body(page);
            }
        }
        return answer.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    /**
     * The error page, rendered here because an error response never passes the views filter; with the header's
     * model (who is signed in, the CSRF token) like any page. Null when even that fails: the problem body remains.
     */
    private String page(HttpRequest<?> request, Problem problem) {
        try {
            Map<String, Object> model = new HashMap<>();
            model.put("problem", problem);
            ModelAndView<Map<String, Object>> view = new ModelAndView<>("error", model);
            layoutModel.decorate(request, view);
            StringWriter html = new StringWriter();
            pages.render("error", view.getModel().orElse(model), request).writeTo(html);
            return html.toString();
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not render the error page for {} {}", problem.status(), request.getPath(), e);
            return null;
        }
    }

    /** A browser asking for a page: HTML accepted, and not an API address, whose callers are programs. */
    static boolean wantsPage(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/api/") || path.startsWith("/webjars/") || path.startsWith("/static/")) {
            return false;
        }
        return request.getHeaders().get(HttpHeaders.ACCEPT, String.class)
                .map(accept -> accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_HTML)).orElse(false);
    }

    private static String slug(HttpStatus status) {
        return status.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
