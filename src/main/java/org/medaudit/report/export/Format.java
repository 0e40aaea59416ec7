package org.medaudit.report.export;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medaudit.system.InvalidRequestException;

/**
 * The representations the API answers in: JSON (the default), CSV and FHIR R4 JSON. Asked for with
 * {@code ?format=json|csv|fhir}, which wins, or with the {@code Accept} header ({@code text/csv},
 * {@code application/fhir+json}), taken in order of preference.
 */
public enum Format {
    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", "text/csv"),
    FHIR("fhir", "application/fhir+json");

    private final String code;
    private final String mediaType;

    Format(String code, String mediaType) {
        this.code = code;
        this.mediaType = mediaType;
    }

    public String code() {
        return code;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format this request asks for; an unknown {@code format} parameter is refused with 422. */
    public static Format of(HttpRequest<?> request) {
        String asked = request.getParameters().get("format");
        if (asked != null) {
            return Arrays.stream(values()).filter(f -> f.code.equals(asked.strip().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new InvalidRequestException("/query/format",
                            "must be json, csv or fhir"));
        }
        List<MediaType> accepted = request.accept().stream()
                .sorted(Comparator.comparing(MediaType::getQualityAsNumber).reversed()).toList();
        for (MediaType type : accepted) {
            Optional<Format> format = Arrays.stream(values())
                    .filter(f -> f.mediaType.equals(type.getName())).findFirst();
            if (format.isPresent()) {
                return format.get();
            }
            if (type.getName().equals("*/*") || type.getName().equals("application/*")
                    || type.getName().equals(MediaType.APPLICATION_JSON)) {
                return JSON;
            }
        }
        return JSON;
    }
}
