package org.medaudit.rules;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.core.impl.KnowledgeBaseImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled rule packages of the serving rule book, kept on disk so that a restart with the same rule files does
 * not compile them again (compiling ~70 rules was the longest step of start-up). A cached book is only a shortcut
 * past the Drools compiler: {@link RuleBookService} still runs every metadata check and every worked case on it
 * before it serves, and compiles from the files whenever the cache is missing, stale, unreadable or fails.
 *
 * <p>One file, {@code rule-book.cache}, holds a key and the packages (Java serialisation, which Drools' packages
 * support with their generated classes). The key covers the rule book's version (the hash of every rule and
 * reference file and of the local pack) and the code the packages were compiled against (this application's and
 * Drools' jars, the Java runtime), so that an upgrade never serves packages compiled for other classes. A checksum
 * of the packages is checked before they are read, and only Drools', Java's and the rule book's own classes may
 * appear in them.
 */
@Singleton
public class RuleBookCache {

    static final String FILE = "rule-book.cache";

    private static final Logger LOG = LoggerFactory.getLogger(RuleBookCache.class);
    private static final int MAGIC = 0x4d415242; // "MARB": MedAudit rule book
    /** The classes a cache may hold; anything else in the stream is refused before it is created. */
    private static final List<String> ALLOWED = List.of("java.lang.", "java.util.", "org.drools.", "org.kie.",
            "org.mvel2.", "org.medaudit.rules.");

    /** The cache's folder, or null when caching is off. */
    private final Path folder;
    private final String codeFingerprint;

    RuleBookCache(@Value("${medaudit.rule-book-cache-folder:}") String folder) {
        this.folder = folder == null || folder.isBlank() ? null : Path.of(folder);
        this.codeFingerprint = this.folder == null ? "" : codeFingerprint();
    }

    /** A cache in a folder (tests, tools); null: off. */
    static RuleBookCache in(Path folder) {
        return new RuleBookCache(folder == null ? null : folder.toString());
    }

    /**
     * The packages cached for this rule-book version as a new KieBase, not yet proven; empty when there is no cache
     * for exactly this version and code, or it cannot be read (then the caller compiles, as without a cache).
     */
    Optional<KieBase> read(String version) {
        if (folder == null || !Files.isRegularFile(file())) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file()))) {
            if (in.readInt() != MAGIC) {
                LOG.warn("Rule book cache {} is not a rule book cache; compiling the rules", file());
                return Optional.empty();
            }
            if (!in.readUTF().equals(key(version))) {
                LOG.info("Rule book cache {} is for other rule files or another build; compiling the rules", file());
                return Optional.empty();
            }
            byte[] checksum = in.readNBytes(32);
            byte[] packages = in.readAllBytes();
            if (!Arrays.equals(checksum, sha256(packages))) {
                LOG.warn("Rule book cache {} is damaged (checksum); compiling the rules", file());
                return Optional.empty();
            }
            return Optional.of(kieBase(packages));
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.warn("Rule book cache {} cannot be read ({}); compiling the rules", file(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * Keeps the packages of a rule book that passed every check, for the next start; a failure to write is logged
     * and otherwise ignored (the next start compiles).
     */
    void write(RuleBook ruleBook) {
        if (folder == null) {
            return;
        }
        try {
            ByteArrayOutputStream packages = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new DroolsObjectOutputStream(packages)) {
                out.writeObject(new ArrayList<>(ruleBook.kieBase().getKiePackages()));
            }
            byte[] bytes = packages.toByteArray();
            Files.createDirectories(folder);
            // Written aside and moved in whole, so that a reader (another instance, a crash) never sees half a file.
            Path partial = Files.createTempFile(folder, FILE, ".partial");
            try {
                try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(partial))) {
                    out.writeInt(MAGIC);
                    out.writeUTF(key(ruleBook.version()));
                    out.write(sha256(bytes));
                    out.write(bytes);
                }
                Files.move(partial, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            LOG.info("Rule book {} cached in {} ({} KB) for the next start", ruleBook.version(), file(),
                    bytes.length / 1024);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Rule book {} could not be cached in {}: {}", ruleBook.version(), file(), e.toString());
        }
    }

    Path file() {
        return folder.resolve(FILE);
    }

    private String key(String version) {
        return version + " " + codeFingerprint;
    }

    @SuppressWarnings("unchecked")
    private static KieBase kieBase(byte[] packages) throws IOException, ClassNotFoundException {
        ClassLoader loader = RuleBookCache.class.getClassLoader();
        Collection<KiePackage> read;
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(packages), loader)) {
            in.setObjectInputFilter(RuleBookCache::allowed);
            read = (Collection<KiePackage>) in.readObject();
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, loader));
        kieBase.addPackages(read);
        return kieBase;
    }

    private static ObjectInputFilter.Status allowed(ObjectInputFilter.FilterInfo info) {
        Class<?> type = info.serialClass();
        while (type != null && type.isArray()) {
            type = type.getComponentType();
        }
        if (type == null || type.isPrimitive()) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        String name = type.getName();
        return ALLOWED.stream().anyMatch(name::startsWith) ? ObjectInputFilter.Status.ALLOWED
                : ObjectInputFilter.Status.REJECTED;
    }

    /**
     * What the cached packages were compiled against: the jars (or class folders) of this application and of
     * Drools, and the Java runtime. A rebuilt jar gets a new modification time, so any rebuild invalidates the cache.
     */
    private static String codeFingerprint() {
        StringBuilder fingerprint = new StringBuilder(System.getProperty("java.runtime.version", ""));
        for (Class<?> type : List.of(RuleBookCache.class, KnowledgeBaseImpl.class)) {
            fingerprint.append('|').append(location(type.getProtectionDomain().getCodeSource()));
        }
        return HexFormat.of().formatHex(sha256(fingerprint.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String location(CodeSource source) {
        if (source == null || source.getLocation() == null) {
            return "?";
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(path)) {
                return path + ":" + Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis();
            }
            // A class folder (tests, development): its newest class file stands for its contents.
            try (Stream<Path> files = Files.walk(path)) {
                return path + ":" + files.filter(Files::isRegularFile).map(RuleBookCache::modified)
                        .mapToLong(FileTime::toMillis).max().orElse(0);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return source.getLocation().toString();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
