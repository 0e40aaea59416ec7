package org.medaudit.ward;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.security.Users;
import org.medaudit.support.Http;
import org.medaudit.support.People;
import org.medaudit.support.TestDatabases;

/**
 * Wards over the API keep their history: the sites file is changed under a running service (W12 renamed, ICU moved
 * to NCH, SAU removed) and read again, as a restart would.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WardHistoryTest implements TestPropertyProvider {

    private final Path sites = copyOfSitesFile();

    @Inject
    EmbeddedServer server;

    @Inject
    Users users;

    @Inject
    WardDirectory directory;

    Http http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabases.sqlite());
        properties.put("medaudit.sites-file", sites.toString());
        return properties;
    }

    private static Path copyOfSitesFile() {
        try {
            Path copy = Files.createTempFile("sites", ".yaml");
            Files.copy(Path.of("audit-forms/sites.yaml"), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void changeTheSitesFile() throws IOException {
        http = People.pharmacist(server, users);
        String text = Files.readString(sites)
                .replace("W12: { name: Ward 12 (Care of Older People)", "W12: { name: Ward 12 (Frailty)")
                .replace("      SAU: { name: Surgical Assessment Unit, specialty: general-surgery }\n", "");
        String icu = "      ICU: { name: Intensive Care Unit, specialty: critical-care }\n";
        text = text.replace(icu, "");
        text = text.replace("      NCH-STROKE:", icu + "      NCH-STROKE:");
        Files.writeString(sites, text);
        directory.load();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(Map<String, Object> ward) {
        return (List<Map<String, Object>>) ward.get("history");
    }

    @Test
    @DisplayName("a renamed ward keeps its code and lists when it opened and each rename, oldest first")
    void rename() {
        Map<String, Object> w12 = http.get("/api/v1/wards/W12").object();

        assertThat(w12).containsEntry("name", "Ward 12 (Frailty)").containsEntry("active", true);
        assertThat(history(w12)).extracting(c -> c.get("change")).containsExactly("opened", "renamed");
        assertThat(history(w12).get(1)).containsEntry("name", "Ward 12 (Frailty)")
                .containsEntry("previousName", "Ward 12 (Care of Older People)").containsEntry("site", "RGH");
        assertThat((String) history(w12).get(1).get("at")).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    @Test
    @DisplayName("a ward removed from the sites file is closed, still readable, with its closure in its history")
    void closure() {
        Map<String, Object> sau = http.get("/api/v1/wards/SAU").object();

        assertThat(sau).containsEntry("active", false);
        assertThat(history(sau)).extracting(c -> c.get("change")).containsExactly("opened", "closed");
    }

    @Test
    @DisplayName("a ward listed under another site has moved, and the list of wards carries every history")
    void move() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> wards = (List<Map<String, Object>>) http.get("/api/v1/wards").json();
        Map<String, Object> icu = wards.stream().filter(w -> w.get("code").equals("ICU")).findFirst().orElseThrow();

        assertThat(icu).containsEntry("site", "NCH");
        assertThat(history(icu)).extracting(c -> c.get("change")).containsExactly("opened", "moved");
        assertThat(history(icu).get(1)).containsEntry("previousSite", "RGH").containsEntry("site", "NCH");
        assertThat(wards).allSatisfy(ward -> assertThat(history(ward)).isNotEmpty());
    }
}
