package org.medaudit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medaudit.rules.RuleBook;
import org.medaudit.rules.RuleBookCompiler;
import org.medaudit.rules.RuleInfo;
import org.medaudit.rules.RuleSources;
import org.medaudit.rules.reference.ReferenceData;

/** The rule books the benchmark compares: the whole library, and the library cut down to the baseline's rules. */
public final class RuleBooks {

    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+\\S");
    private static final Pattern RULE_END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern RULE_ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");

    private RuleBooks() {
    }

    /** The rules folder: {@code MEDAUDIT_RULES} (as the service reads it), else {@code rules} in the working folder. */
    public static Path rulesFolder() {
        String folder = System.getProperty("medaudit.rules", System.getenv("MEDAUDIT_RULES"));
        return Path.of(folder == null || folder.isBlank() ? "rules" : folder);
    }

    /** Every rule in the library, as the service builds it. */
    public static RuleBook full(Path rules) {
        return RuleBookCompiler.compile(RuleSources.scan(rules));
    }

    /**
     * A rule book of only the rules with these ids, built from a temporary copy of the library in which every other
     * rule is cut out of its file (package, imports, globals, functions and declarations stay), with the same
     * reference data. Fails when any of the ids is not in the library, so that a renamed rule cannot silently drop
     * out of the comparison.
     */
    public static RuleBook only(Path rules, Collection<String> ids) {
        Set<String> wanted = new TreeSet<>(ids);
        Path copy;
        try {
            copy = Files.createTempDirectory("medaudit-rule-subset");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RuleSources sources = RuleSources.scan(rules);
            Path root = sources.root();
            copyTree(sources.referenceFolder(), copy.resolve(ReferenceData.FOLDER));
            for (RuleSources.RuleFile file : sources.ruleFiles()) {
                Path target = copy.resolve(root.relativize(file.path()).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, keepOnly(Files.readString(file.path()), wanted));
            }
            RuleBook book = RuleBookCompiler.compile(RuleSources.scan(copy));
            Set<String> built = new TreeSet<>(book.rules().stream().map(RuleInfo::id).toList());
            if (!built.equals(wanted)) {
                Set<String> missing = new TreeSet<>(wanted);
                missing.removeAll(built);
                throw new IllegalStateException("Rules " + missing + " are not in the library under " + rules
                        + " (built " + built + ")");
            }
            return book;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(copy);
        }
    }

    /** The DRL text with every {@code rule … end} block whose {@code @id} is not wanted removed. */
    static String keepOnly(String drl, Set<String> wanted) {
        StringBuilder kept = new StringBuilder(drl.length());
        List<String> block = null;
        for (String line : drl.split("\n", -1)) {
            if (block == null && RULE_START.matcher(line).find()) {
                block = new ArrayList<>();
            }
            if (block == null) {
                kept.append(line).append('\n');
                continue;
            }
            block.add(line);
            if (RULE_END.matcher(line).matches()) {
                String text = String.join("\n", block);
                Matcher id = RULE_ID.matcher(text);
                if (id.find() && wanted.contains(id.group(1))) {
                    kept.append(text).append('\n');
                }
                block = null;
            }
        }
        if (block != null) {
            kept.append(String.join("\n", block)); // unterminated: leave it for the compiler to report
        }
        return kept.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
