package org.medaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.medaudit.support.DeserialisationTripwire;

/**
 * The compiled rules kept across restarts: a cache gives back the same rules only for the version it was written
 * for, and anything it cannot vouch for is treated as no cache at all (the caller then compiles).
 */
class RuleBookCacheTest {

    static final RuleSources SOURCES = RuleSources.scan(Path.of("rules"));

    @TempDir
    Path folder;

    @Test
    @DisplayName("the cached rules of a version make a rule book with the same catalogue that passes every case")
    void cachedRulesPassEveryCase() {
        RuleBook compiled = RuleLibraryGuardTest.RULE_BOOK;
        RuleBookCache cache = RuleBookCache.in(folder);
        cache.write(compiled);

        Optional<KieBase> cached = cache.read(compiled.version());

        assertThat(cached).isPresent();
        // build runs the metadata checks and every worked case, and throws if any fails.
        RuleBook fromCache = RuleBookService.build(SOURCES, cached.get());
        assertThat(fromCache.rules()).isEqualTo(compiled.rules());
        assertThat(fromCache.version()).isEqualTo(compiled.version());
    }

    @Test
    @DisplayName("a cache written for other rule files is not used")
    void otherVersionIsAMiss() {
        RuleBookCache cache = RuleBookCache.in(folder);
        cache.write(RuleLibraryGuardTest.RULE_BOOK);

        assertThat(cache.read("sha256:another")).isEmpty();
    }

    @Test
    @DisplayName("no folder, no file, a damaged file or a file that is not a cache: no cache")
    void unreadableIsAMiss() throws Exception {
        RuleBook compiled = RuleLibraryGuardTest.RULE_BOOK;
        assertThat(RuleBookCache.in(null).read(compiled.version())).isEmpty();
        RuleBookCache cache = RuleBookCache.in(folder);
        assertThat(cache.read(compiled.version())).isEmpty();

        cache.write(compiled);
        byte[] bytes = Files.readAllBytes(cache.file());
        bytes[bytes.length - 100] ^= 0x55;
        Files.write(cache.file(), bytes);
        assertThat(cache.read(compiled.version())).isEmpty();

        Files.writeString(cache.file(), "not a cache");
        assertThat(cache.read(compiled.version())).isEmpty();
    }

    @Test
    @DisplayName("a cache holding classes other than Drools', Java's and the rules' own is refused before they are made")
    void foreignClassesAreRefused() throws Exception {
        RuleBook compiled = RuleLibraryGuardTest.RULE_BOOK;
        RuleBookCache cache = RuleBookCache.in(folder);
        cache.write(compiled);
        String key;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(cache.file()))) {
            in.readInt();
            key = in.readUTF();
        }
        // A well-formed file with the right key and checksum, whose payload is an object of a class not allowed.
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(payload)) {
            out.writeObject(new ArrayList<>(List.of(new DeserialisationTripwire())));
        }
        byte[] bytes = payload.toByteArray();
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache.file()))) {
            out.writeInt(0x4d415242);
            out.writeUTF(key);
            out.write(MessageDigest.getInstance("SHA-256").digest(bytes));
            out.write(bytes);
        }

        assertThat(cache.read(compiled.version())).isEmpty();
        assertThat(DeserialisationTripwire.tripped()).as("the foreign object was never made").isFalse();
    }
}
