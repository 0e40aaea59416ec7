package org.medaudit.system;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;

/**
 * One paging convention for every API list: {@code page} (from 0) and {@code size} (default {@value #DEFAULT_SIZE},
 * at most {@value #MAX_SIZE}) query parameters; the body stays a JSON array of that page, in the list's own stable
 * order; {@code X-Total-Count} gives the whole list's length and an RFC 8288 {@code Link} header names the
 * {@code first}, {@code prev} and {@code next} pages. The default page holds every list MedAudit has today (sites,
 * wards, measures, rules, rule books, annotations, users, tokens), so a client that ignores paging still reads
 * them whole. Lists are cut here, after the controller built them: each is configuration-sized, held in memory.
 * The audit trail, which grows without bound, is paged in its query and answers its own page object.
 */
@Filter("/api/**")
class PagingFilter implements HttpServerFilter {

    static final int DEFAULT_SIZE = 500;
    static final int MAX_SIZE = 1000;

    @Override
    public int getOrder() {
        return ApiFilters.PAGING;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() != HttpMethod.GET) {
            return chain.proceed(request);
        }
        List<FieldError> errors = new ArrayList<>();
        int page = number(request, "page", 0, 0, Integer.MAX_VALUE, errors);
        int size = number(request, "size", DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return Publishers.map(chain.proceed(request), response -> {
            if (response.status() != HttpStatus.OK || !(response.getBody().orElse(null) instanceof List<?> list)) {
                return response;
            }
            long from = Math.min((long) page * size, list.size());
            long to = Math.min(from + size, list.size());
            List<String> links = new ArrayList<>();
            links.add(link(request, 0, size, "first"));
            if (page > 0) {
                links.add(link(request, (int) Math.min(page - 1, Math.max(0, (list.size() - 1) / size)), size,
                        "prev"));
            }
            if (to < list.size()) {
                links.add(link(request, page + 1, size, "next"));
            }
            return response.body(List.copyOf(list.subList((int) from, (int) to)))
                    .header("X-Total-Count", String.valueOf(list.size()))
                    .header("Link", String.join(", ", links));
        });
    }

    private static int number(HttpRequest<?> request, String name, int otherwise, int min, int max,
            List<FieldError> errors) {
        String value = request.getParameters().get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("/query/" + name, max == Integer.MAX_VALUE ? "must be a whole number from " + min
                : "must be a whole number from " + min + " to " + max));
        return otherwise;
    }

    /** The same request with another page: a relative reference, which RFC 8288 allows. */
    private static String link(HttpRequest<?> request, int page, int size, String rel) {
        String others = request.getParameters().asMap().entrySet().stream()
                .filter(entry -> !entry.getKey().equals("page") && !entry.getKey().equals("size"))
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return "<" + request.getPath() + "?" + (others.isEmpty() ? "" : others + "&") + "page=" + page + "&size="
                + size + ">; rel=\"" + rel + "\"";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
