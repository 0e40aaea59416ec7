package org.medaudit.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.medaudit.rules.reference.ReferenceData;
import org.medaudit.rules.reference.Threshold;

/**
 * Builds a {@link RuleBook} from rule sources: loads the reference data, compiles every rule file with Drools, and
 * checks that each rule carries the metadata findings need. Any problem fails the whole build with the file and
 * line to fix, so that a broken rule never serves.
 */
public final class RuleBookCompiler {

    /** Metadata every rule must carry; findings copy it. */
    static final List<String> REQUIRED_METADATA = List.of("id", "category", "errorType", "severity", "source");

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String RESOURCES = "src/main/resources/";

    private RuleBookCompiler() {
    }

    public static RuleBook compile(RuleSources sources) {
        return compile(sources, null);
    }

    /**
     * Builds a rule book from its sources with every check, taking the compiled rules from {@code compiled} (packages
     * compiled earlier from exactly these sources, {@link RuleBookCache}) instead of compiling them when it is given.
     */
    static RuleBook compile(RuleSources sources, KieBase compiled) {
        ReferenceData shipped;
        Map<String, Threshold> alternatives;
        try {
            shipped = ReferenceData.load(sources.referenceFolder());
            alternatives = ReferenceData.alternatives(sources.referenceFolder());
        } catch (IllegalArgumentException e) {
            throw new RuleBookException("rules/" + ReferenceData.FOLDER + "/" + e.getMessage());
        }
        LocalRules localRules = sources.local();
        ReferenceData reference = localRules == null ? shipped : localRules.apply(shipped, alternatives);
        if (localRules != null) {
            checkLocalNames(sources, localRules);
        }
        String version = sources.version();
        KieServices kie = KieServices.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("org.medaudit.rulebook", "rules", "1." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> displayNames = new HashMap<>();
        Map<String, String> ruleSetByPackage = new HashMap<>();
        Map<String, List<String>> filesByPackage = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (RuleSources.RuleFile file : sources.ruleFiles()) {
            String text = read(file.path());
            String display = display(sources, file.path());
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                problems.add(display + ": a rule file must start with a package declaration");
                continue;
            }
            // Written where its package says, so Drools does not warn that folder and package differ.
            String kfsPath = RESOURCES + pkg.group(1).replace('.', '/') + "/"
                    + file.path().getFileName();
            if (displayNames.putIfAbsent(kfsPath, display) != null) {
                problems.add(display + ": another rule file of package " + pkg.group(1) + " has the same name");
                continue;
            }
            String earlierSet = ruleSetByPackage.putIfAbsent(pkg.group(1), file.ruleSet());
            if (earlierSet != null && !earlierSet.equals(file.ruleSet())) {
                problems.add(display + ": package " + pkg.group(1) + " is already used by rule set " + earlierSet);
                continue;
            }
            filesByPackage.computeIfAbsent(pkg.group(1), key -> new ArrayList<>()).add(display);
            kfs.write(kfsPath, text);
        }
        if (!problems.isEmpty()) {
            throw new RuleBookException(problems);
        }
        KieBase kieBase = compiled != null ? compiled : compile(kie, kfs, releaseId, displayNames);
        List<RuleInfo> rules = catalogue(kieBase, ruleSetByPackage, filesByPackage, problems);
        if (!problems.isEmpty()) {
            throw new RuleBookException(problems);
        }
        RuleBook.Local local = localRules == null ? null : new RuleBook.Local(localRules, shipped,
                sources.localRuleSets(), localRules.describe(sources.localRuleSets(), shipped, reference));
        return new RuleBook(version, Instant.now(), rules, reference, kieBase, Map.copyOf(ruleSetByPackage), local,
                kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()));
    }

    /** Compiles the rule files written to {@code kfs}; a file that does not compile fails with its file and line. */
    private static KieBase compile(KieServices kie, KieFileSystem kfs, ReleaseId releaseId,
            Map<String, String> displayNames) {
        List<String> problems = new ArrayList<>();
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            // Drools names a file by its path under src/main/resources/ or by the whole path written.
            String where = displayNames.getOrDefault(message.getPath(),
                    displayNames.getOrDefault(RESOURCES + message.getPath(), message.getPath()));
            problems.add(where + (message.getLine() > 0 ? " line " + message.getLine() : "") + ": "
                    + message.getText().strip());
        }
        if (!problems.isEmpty()) {
            throw new RuleBookException(problems);
        }
        return kie.newKieContainer(releaseId).getKieBase();
    }

    /**
     * A local rule set may not take a shipped set's name (it would hide which is which), and the switches may only
     * name rule sets that exist, so that a misspelt set is refused rather than silently left on.
     */
    private static void checkLocalNames(RuleSources sources, LocalRules localRules) {
        List<String> problems = new ArrayList<>();
        Set<String> shippedSets = sources.ruleFiles().stream().filter(file -> !file.local())
                .map(RuleSources.RuleFile::ruleSet).collect(Collectors.toSet());
        for (String localSet : sources.localRuleSets()) {
            if (shippedSets.contains(localSet) || localSet.equals(ReferenceData.FOLDER)) {
                problems.add(LocalRules.display(sources.localFolder(), localSet) + ": a local rule set cannot"
                        + " take the name of a shipped rule set; give the folder another name");
            }
        }
        for (String named : localRules.namedRuleSets()) {
            if (!sources.ruleSets().contains(named)) {
                problems.add(LocalRules.display(sources.localFolder(), LocalRules.SWITCHES_FILE) + ": no rule set "
                        + "is called " + named + " (rule sets: " + sources.ruleSets() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleBookException(problems);
        }
    }

    private static List<RuleInfo> catalogue(KieBase kieBase, Map<String, String> ruleSetByPackage,
            Map<String, List<String>> filesByPackage, List<String> problems) {
        List<RuleInfo> rules = new ArrayList<>();
        Map<String, String> ruleById = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String ruleSet = ruleSetByPackage.getOrDefault(rule.getPackageName(), rule.getPackageName());
                String where = String.join(", ", filesByPackage.getOrDefault(rule.getPackageName(), List.of()))
                        + ": rule set " + ruleSet + ", rule \"" + rule.getName() + "\"";
                Map<String, Object> meta = rule.getMetaData();
                List<String> missing = REQUIRED_METADATA.stream()
                        .filter(key -> meta.get(key) == null || String.valueOf(meta.get(key)).isBlank())
                        .toList();
                if (!missing.isEmpty()) {
                    problems.add(where + ": missing metadata @" + String.join(", @", missing));
                    continue;
                }
                RuleInfo info = new RuleInfo(text(meta, "id"), rule.getName(), ruleSet, text(meta, "category"),
                        text(meta, "errorType"), text(meta, "severity"), text(meta, "source"));
                checkVocabulary(where, "category", info.category(), Taxonomy.CATEGORIES, problems);
                checkVocabulary(where, "errorType", info.errorType(), Taxonomy.ERROR_TYPES, problems);
                checkVocabulary(where, "severity", info.severity(), Taxonomy.SEVERITIES, problems);
                String earlier = ruleById.putIfAbsent(info.id(), where);
                if (earlier != null) {
                    problems.add(where + ": @id " + info.id() + " is already used by " + earlier);
                }
                rules.add(info);
            }
        }
        rules.sort(Comparator.comparing(RuleInfo::id));
        return List.copyOf(rules);
    }

    private static void checkVocabulary(String where, String key, String value, java.util.Collection<String> allowed,
            List<String> problems) {
        if (!allowed.contains(value)) {
            problems.add(where + ": @" + key + "(\"" + value + "\") is not one of " + allowed.stream().sorted().toList());
        }
    }

    private static String text(Map<String, Object> meta, String key) {
        return String.valueOf(meta.get(key)).strip();
    }

    private static String display(RuleSources sources, Path file) {
        Path root = (sources.localFolder() != null && file.toAbsolutePath().normalize()
                .startsWith(sources.localFolder().toAbsolutePath().normalize()) ? sources.localFolder()
                : sources.root()).toAbsolutePath().normalize();
        return root.getFileName() + "/" + root.relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule file " + file, e);
        }
    }
}
