package org.medaudit.report.export;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import org.medaudit.measure.Disclosure;
import org.medaudit.measure.MeasureDefinition;
import org.medaudit.measure.Periods;
import org.medaudit.measure.WardRates;
import org.medaudit.system.ApiFilters;
import org.medaudit.system.Problem;
import org.medaudit.ward.WardDirectory;
import org.reactivestreams.Publisher;

/**
 * Answers an API GET in the format asked for ({@link Format}): the controller returns its record as for JSON, and
 * this turns it into CSV ({@link CsvTables}; every answer has one, with a {@code Content-Disposition} file name
 * from the path) or FHIR ({@link FhirResources}; a ward's rates and a measure). A format an answer has no form in
 * is {@code 406} problem+json. Errors stay problem+json whatever was asked.
 */
@Filter("/api/**")
class FormatFilter implements HttpServerFilter {

    private final CsvTables csv;
    private final FhirResources fhir;
    private final Disclosure disclosure;
    private final WardDirectory wards;

    FormatFilter(CsvTables csv, FhirResources fhir, Disclosure disclosure, WardDirectory wards) {
        this.csv = csv;
        this.fhir = fhir;
        this.disclosure = disclosure;
        this.wards = wards;
    }

    @Override
    public int getOrder() {
        return ApiFilters.FORMAT;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() != HttpMethod.GET) {
            return chain.proceed(request);
        }
        Format format = Format.of(request);
        return Publishers.map(chain.proceed(request), response -> {
            Object body = response.getBody().orElse(null);
            if (response.status() != HttpStatus.OK || body == null) {
                return response;
            }
            return switch (format) {
                case JSON -> response;
                case CSV -> response.body(csv.of(body).text()).contentType(Csv.MEDIA_TYPE)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename(request) + "\"");
                case FHIR -> fhir(body, request)
                        .<MutableHttpResponse<?>>map(resource -> response.body(resource)
                                .contentType(FhirResources.MEDIA_TYPE))
                        .orElseGet(() -> response.status(HttpStatus.NOT_ACCEPTABLE)
                                .contentType(Problem.MEDIA_TYPE)
                                .body(new Problem(Problem.type("not-acceptable"), "Not Acceptable", 406,
                                        "FHIR is offered for a ward's monthly rates and for a measure; this "
                                                + "answer is JSON or CSV.", null)));
            };
        });
    }

    private Optional<Object> fhir(Object body, HttpRequest<?> request) {
        if (body instanceof MeasureDefinition measure) {
            return Optional.of(fhir.measure(measure));
        }
        // A MeasureReport's period is a calendar month here; weekly rates stay JSON or CSV.
        if (body instanceof WardRates rates && rates.level().equals("ward")
                && rates.period().equals(Periods.Kind.MONTH.code())) {
            boolean full = request.getUserPrincipal(Authentication.class)
                    .flatMap(who -> wards.wardView(rates.ward()).map(ward -> disclosure.inWardScope(who, ward)))
                    .orElse(false);
            return Optional.of(fhir.reports(rates, full));
        }
        return Optional.empty();
    }

    /** {@code /api/v1/wards/AMU/rates} → {@code wards-AMU-rates.csv}. */
    static String filename(HttpRequest<?> request) {
        String path = request.getPath().replaceFirst("^/api/v\\d+/", "").replaceAll("[^A-Za-z0-9.-]+", "-");
        return (path.isEmpty() ? "medaudit" : path) + ".csv";
    }
}
