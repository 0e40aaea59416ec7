package org.medaudit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medaudit.system.JsonTree;

/**
 * A plain HTTP client for tests, as a browser or another service would call MedAudit: the JDK client, raw JSON and
 * forms, no MedAudit or Micronaut client classes between the test and the wire. It keeps cookies like a browser
 * (the session and the CSRF cookie) and, like MedAudit's own pages, repeats the CSRF cookie on state-changing
 * requests; or it sends a bearer API token.
 */
public final class Http {

    /** What a browser accepts when it follows a link or posts a form. */
    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final CookieManager cookies;
    private final HttpClient client;
    private final URI base;
    private final String bearer;

    public Http(URI base) {
        this(base, null, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private Http(URI base, String bearer, CookieManager cookies) {
        this.base = base;
        this.bearer = bearer;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client that authenticates with an API token instead of cookies. */
    public static Http withToken(URI base, String token) {
        return new Http(base, token, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    /**
     * The same browser (its cookies, so its session) or token, talking to another server, as a load balancer sends
     * one person's requests to whichever instance it likes.
     */
    public Http at(URI otherBase) {
        return new Http(otherBase, bearer, cookies);
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

    /** Signs in through the login page, as a person would; fails the test when that does not work. */
    public Http login(String username, String password) {
        get("/login", BROWSER_ACCEPT);
        Response response = form("/login", Map.of("username", username, "password", password));
        if (response.status() != 303 || response.header("Location").contains("error")) {
            throw new AssertionError("Could not sign in as " + username + ": " + response.status() + " "
                    + response.header("Location"));
        }
        return this;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
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
        return send(withCsrf(request));
    }

    /** A JSON PATCH (a partial change), with the CSRF header as MedAudit's pages send it. */
    public Response patchJson(String path, String json) {
        return send(withCsrf(HttpRequest.newBuilder(base.resolve(path))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")));
    }

    /** Posts an HTML form with the page's CSRF token in {@code _csrf}, as MedAudit's forms do. */
    public Response form(String path, Map<String, String> fields) {
        return formWithToken(path, fields, cookie("MEDAUDIT_CSRF").orElse(""));
    }

    /** Posts raw bytes as a browser would post a form (any content type), with the CSRF header of the session. */
    public Response postAsBrowser(String path, String contentType, byte[] body) {
        return send(withCsrf(HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType)
                .header("Accept", BROWSER_ACCEPT)));
    }

    /** Posts an HTML form with whatever CSRF token is given (or none, when empty), to test the refusal. */
    public Response formWithToken(String path, Map<String, String> fields, String csrf) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (!csrf.isEmpty()) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf);
        }
        return send(HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER_ACCEPT));
    }

    /** One part of a multipart form: a field, or a file when {@code filename} is given. */
    public record Part(String name, String filename, byte[] content) {

        public static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String name, String filename, String content) {
            return new Part(name, filename, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Posts a multipart form (a file upload) with exactly the parts given, in that order, as a browser sends a form
     * with {@code enctype="multipart/form-data"}; the caller includes {@code _csrf} where the page puts it.
     */
    public Response multipart(String path, List<Part> parts) {
        String boundary = "----MedAuditTest" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"\r\nContent-Type: text/csv")
                    + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", BROWSER_ACCEPT));
    }

    public Response send(String method, String path) {
        return send(withCsrf(HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json")));
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
        cookie("MEDAUDIT_CSRF").ifPresent(token -> request.header("X-CSRF-Token", token));
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
