package org.medaudit.system;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.reactivestreams.Publisher;

/**
 * Every API GET says how it may be cached ({@code private, max-age=0, must-revalidate}: a client keeps it but asks
 * again each time) and an answer with a body carries a strong {@code ETag}, a hash of the exact bytes sent. A
 * request whose {@code If-None-Match} names that tag gets {@code 304 Not Modified} with no body, so polling an
 * unchanged series costs the client nothing to download. The body is serialised here, once, so the hash is of
 * what goes on the wire; a streamed body (none of the API's) would pass through untagged.
 */
@Filter("/api/**")
class ConditionalGetFilter implements HttpServerFilter {

    static final String CACHE_CONTROL = "private, max-age=0, must-revalidate";

    private final JsonMapper json;

    ConditionalGetFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return ApiFilters.CONDITIONAL_GET;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() != HttpMethod.GET) {
            return chain.proceed(request);
        }
        return Publishers.map(chain.proceed(request), response -> {
            response.header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            if (response.status() != HttpStatus.OK || response.getBody().isEmpty()) {
                return response;
            }
            byte[] bytes = bytes(response.getBody().get());
            if (bytes == null) {
                return response;
            }
            String tag = etag(bytes);
            response.header(HttpHeaders.ETAG, tag);
            if (matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), tag)) {
                MutableHttpResponse<?> notModified = response.status(HttpStatus.NOT_MODIFIED).body(null);
                notModified.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
                notModified.getHeaders().remove(HttpHeaders.CONTENT_DISPOSITION);
                return notModified;
            }
            if (response.getContentType().isEmpty()) {
                response.contentType(MediaType.APPLICATION_JSON_TYPE); // raw bytes would otherwise lose their type
            }
            return response.body(bytes);
        });
    }

    /** The body as sent: text as UTF-8, anything else serialised as JSON; null for a stream or a file. */
    private byte[] bytes(Object body) {
        if (body instanceof byte[] raw) {
            return raw;
        }
        if (body instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        // Files (the OpenAPI spec and Swagger UI under /api/docs) are served as files, with their own caching.
        if (body instanceof Publisher<?> || body instanceof java.io.InputStream
                || body instanceof FileCustomizableResponseType) {
            return null;
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialise the response", e);
        }
    }

    /** A strong tag: the first 128 bits of the body's SHA-256, quoted. */
    static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9110: {@code *} or a list of tags; weak tags compare by their opaque part. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || value.equals(tag) || value.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }
}
