package org.medaudit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.medaudit.system.JsonTree;

/**
 * A plain HTTP client for tests, as another service would call MedAudit: the JDK client, raw JSON, no MedAudit or
 * Micronaut client classes between the test and the wire.
 */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    /** A response: status, headers and body, with the body parsed when it is JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public Object json() {
            return JsonTree.parse(body.getBytes(StandardCharsets.UTF_8));
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> object() {
            return (Map<String, Object>) json();
        }

        /** The JSON pointers of a problem+json body's {@code errors}. */
        @SuppressWarnings("unchecked")
        public List<String> errorPointers() {
            List<Map<String, Object>> errors = (List<Map<String, Object>>) object().get("errors");
            return errors == null ? List.of() : errors.stream().map(e -> (String) e.get("pointer")).toList();
        }
    }

    public Response get(String path) {
        return get(path, "application/json");
    }

    public Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().header("Accept", accept));
    }

    public Response postJson(String path, String json, String... headers) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType)
                .header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Response send(String method, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json"));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
