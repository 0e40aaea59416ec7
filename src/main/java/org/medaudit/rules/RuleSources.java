package org.medaudit.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.medaudit.rules.reference.ReferenceData;

/**
 * The files a rule book is built from: every {@code .drl} file in the rule-set folders under the rules root, and
 * the reference data in {@code rules/reference/}. Each rule set is a folder; its {@code cases/} are not sources.
 *
 * @param root the rules folder
 * @param ruleFiles the rule files, sorted by path
 */
public record RuleSources(Path root, List<RuleFile> ruleFiles) {

    /** A rule file and the rule set (its folder under the root) it belongs to. */
    public record RuleFile(String ruleSet, Path path) {
    }

    /** Every rule set under the root. */
    public static RuleSources scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RuleBookException("Rules folder not found: " + root.toAbsolutePath()
                    + " (set MEDAUDIT_RULES to the folder that holds the rule sets)");
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<RuleFile> ruleFiles = files
                    .filter(path -> path.toString().endsWith(".drl") && Files.isRegularFile(path))
                    .map(path -> new RuleFile(root.relativize(path).getName(0).toString(), path))
                    .filter(file -> !file.ruleSet().equals(ReferenceData.FOLDER))
                    .sorted((a, b) -> a.path().compareTo(b.path()))
                    .toList();
            return new RuleSources(root, ruleFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules folder " + root, e);
        }
    }

    /** The same sources restricted to one rule set, as the rule-set tests build them. */
    public RuleSources only(String ruleSet) {
        return new RuleSources(root, ruleFiles.stream().filter(file -> file.ruleSet().equals(ruleSet)).toList());
    }

    public Path referenceFolder() {
        return root.resolve(ReferenceData.FOLDER);
    }

    /** The rule-set folder names, sorted. */
    public List<String> ruleSets() {
        return ruleFiles.stream().map(RuleFile::ruleSet).distinct().sorted().toList();
    }

    /**
     * The version of a rule book built from these sources: a SHA-256 over the path and bytes of every rule file
     * and reference file, so that any change to either gives a new version.
     */
    public String version() {
        try (Stream<Path> reference = Files.walk(referenceFolder())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files = Stream.concat(ruleFiles.stream().map(RuleFile::path),
                    reference.filter(Files::isRegularFile)).sorted().toList();
            for (Path file : files) {
                digest.update(root.relativize(file).toString().replace('\\', '/').getBytes());
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule sources under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
