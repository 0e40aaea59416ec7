package org.medaudit.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.medaudit.rules.reference.ReferenceData;

/**
 * The files a rule book is built from: every {@code .drl} file in the rule-set folders under the rules root, the
 * reference data in {@code rules/reference/}, and, when a hospital has one, its local pack ({@link LocalRules}):
 * switches, threshold overrides and local rule-set folders. Each rule set is a folder; its {@code cases/} are not
 * rule sources.
 *
 * @param root the rules folder
 * @param ruleFiles the rule files, shipped then local, each sorted by path
 * @param localFolder the local pack's folder, or null when the hospital has none
 */
public record RuleSources(Path root, List<RuleFile> ruleFiles, Path localFolder) {

    /** A rule file and the rule set (its folder under the root or the local folder) it belongs to. */
    public record RuleFile(String ruleSet, Path path, boolean local) {
    }

    /** Every shipped rule set under the root, without a local pack. */
    public static RuleSources scan(Path root) {
        return scan(root, null);
    }

    /** Every shipped rule set under the root and every local rule set of the local folder (null: none). */
    public static RuleSources scan(Path root, Path localFolder) {
        if (!Files.isDirectory(root)) {
            throw new RuleBookException("Rules folder not found: " + root.toAbsolutePath()
                    + " (set MEDAUDIT_RULES to the folder that holds the rule sets)");
        }
        if (localFolder != null && !Files.isDirectory(localFolder)) {
            throw new RuleBookException("Local rules folder not found: " + localFolder.toAbsolutePath()
                    + " (set MEDAUDIT_LOCAL_RULES to the hospital's local rule pack, or leave it empty)");
        }
        List<RuleFile> ruleFiles = new ArrayList<>(ruleFiles(root, false).stream()
                .filter(file -> !file.ruleSet().equals(ReferenceData.FOLDER)).toList());
        if (localFolder != null) {
            ruleFiles.addAll(ruleFiles(localFolder, true));
        }
        return new RuleSources(root, List.copyOf(ruleFiles), localFolder);
    }

    private static List<RuleFile> ruleFiles(Path folder, boolean local) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files
                    .filter(path -> path.toString().endsWith(".drl") && Files.isRegularFile(path))
                    .filter(path -> folder.relativize(path).getNameCount() > 1)
                    .map(path -> new RuleFile(folder.relativize(path).getName(0).toString(), path, local))
                    .sorted((a, b) -> a.path().compareTo(b.path()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules folder " + folder, e);
        }
    }

    /** The same sources restricted to one rule set, as the rule-set tests build them. */
    public RuleSources only(String ruleSet) {
        return new RuleSources(root, ruleFiles.stream().filter(file -> file.ruleSet().equals(ruleSet)).toList(),
                localFolder);
    }

    public Path referenceFolder() {
        return root.resolve(ReferenceData.FOLDER);
    }

    /** The folder of a rule set: under the local folder for a local set, under the root otherwise. */
    public Path folderOf(String ruleSet) {
        boolean local = ruleFiles.stream().anyMatch(file -> file.local() && file.ruleSet().equals(ruleSet));
        return (local ? localFolder : root).resolve(ruleSet);
    }

    /** The rule-set folder names, sorted. */
    public List<String> ruleSets() {
        return ruleFiles.stream().map(RuleFile::ruleSet).distinct().sorted().toList();
    }

    /** The local rule-set folder names, sorted. */
    public List<String> localRuleSets() {
        return ruleFiles.stream().filter(RuleFile::local).map(RuleFile::ruleSet).distinct().sorted().toList();
    }

    /** The local pack, read; empty switches and no overrides when the hospital has none. */
    public LocalRules local() {
        return localFolder == null ? null : LocalRules.load(localFolder);
    }

    /**
     * The version of a rule book built from these sources: a SHA-256 over the path and bytes of every rule file
     * and reference file, and of every {@code .drl} and {@code .yaml} file of the local pack (its switches,
     * thresholds, rules and cases), so that any change to either gives a new version.
     */
    public String version() {
        try (Stream<Path> reference = Files.walk(referenceFolder())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files = Stream.concat(ruleFiles.stream().filter(file -> !file.local()).map(RuleFile::path),
                    reference.filter(Files::isRegularFile)).sorted().toList();
            for (Path file : files) {
                update(digest, root.relativize(file).toString(), file);
            }
            if (localFolder != null) {
                try (Stream<Path> local = Files.walk(localFolder)) {
                    for (Path file : local.filter(Files::isRegularFile)
                            .filter(f -> f.toString().endsWith(".drl") || f.toString().endsWith(".yaml"))
                            .sorted().toList()) {
                        update(digest, "local/" + localFolder.relativize(file), file);
                    }
                }
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule sources under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void update(MessageDigest digest, String name, Path file) throws IOException {
        digest.update(name.replace('\\', '/').getBytes());
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
    }
}
