package org.medaudit.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medaudit.rules.reference.ReferenceData;
import org.medaudit.rules.reference.Threshold;
import org.medaudit.system.YamlFiles;

/**
 * A hospital's local rule pack: the folder {@code medaudit.local-rules-folder} names, beside (never inside) the
 * shipped {@code rules/}. It holds
 * <ul>
 * <li>{@code local-rules.yaml}: which rule sets are off, everywhere ({@code disabled}) or per site code
 * ({@code sites.<code>.disabled}), and which a site switches back on ({@code sites.<code>.enabled}); not
 * {@code off}/{@code on}, which YAML 1.1 reads as booleans;</li>
 * <li>{@code thresholds.yaml}: threshold overrides, keyed as in {@code rules/reference/thresholds.yaml}, each
 * {@code {value, source}} or the word {@code alternative} (the alternative the shipped file names);</li>
 * <li>one folder per local rule set, with its {@code .drl} files and {@code cases/}, under the same guards as the
 * shipped sets.</li>
 * </ul>
 * All three are optional; what is active is part of the rule-book version and of its recorded description.
 *
 * @param folder the local folder
 * @param offEverywhere rule sets off at every site unless a site switches them on
 * @param sites per site code (upper case), the sets it switches off and on
 * @param thresholds the overrides as written, by threshold name
 */
public record LocalRules(Path folder, Set<String> offEverywhere, Map<String, SiteSwitches> sites,
        Map<String, ThresholdOverride> thresholds) {

    public static final String SWITCHES_FILE = "local-rules.yaml";
    public static final String THRESHOLDS_FILE = "thresholds.yaml";

    /** The sets one site switches off, and those it switches back on after an {@code off} everywhere. */
    public record SiteSwitches(Set<String> off, Set<String> on) {
    }

    /**
     * A local threshold: {@code value} and the {@code source} of the local decision, or the shipped alternative.
     */
    public record ThresholdOverride(String name, Double value, String source, boolean alternative) {
    }

    /** Reads the local folder; a mistake is a {@link RuleBookException} naming the file and key. */
    public static LocalRules load(Path folder) {
        List<String> problems = new ArrayList<>();
        Set<String> offEverywhere = Set.of();
        Map<String, SiteSwitches> sites = new TreeMap<>();
        Path switches = folder.resolve(SWITCHES_FILE);
        if (Files.isRegularFile(switches)) {
            Map<String, Object> document = read(switches, problems);
            String where = display(folder, SWITCHES_FILE);
            document.keySet().stream().filter(key -> !Set.of("disabled", "sites").contains(key))
                    .forEach(key -> problems.add(where + ": unknown key '" + key + "' (expected disabled, sites)"));
            offEverywhere = names(document.get("disabled"), where + ": disabled", problems);
            Object siteNode = document.get("sites");
            if (siteNode != null && !(siteNode instanceof Map)) {
                problems.add(where + ": sites: expected a mapping of site codes");
            } else if (siteNode instanceof Map<?, ?> siteMap) {
                for (Map.Entry<?, ?> entry : siteMap.entrySet()) {
                    String site = String.valueOf(entry.getKey()).toUpperCase(Locale.ROOT);
                    String at = where + ": sites." + entry.getKey();
                    if (!(entry.getValue() instanceof Map<?, ?> value)) {
                        problems.add(at + ": expected disabled and/or enabled");
                        continue;
                    }
                    value.keySet().stream().filter(key -> !Set.of("disabled", "enabled").contains(String.valueOf(key)))
                            .forEach(key -> problems.add(at + ": unknown key '" + key
                                    + "' (expected disabled, enabled)"));
                    sites.put(site, new SiteSwitches(names(value.get("disabled"), at + ".disabled", problems),
                            names(value.get("enabled"), at + ".enabled", problems)));
                }
            }
        }
        Map<String, ThresholdOverride> thresholds = new TreeMap<>();
        Path thresholdsFile = folder.resolve(THRESHOLDS_FILE);
        if (Files.isRegularFile(thresholdsFile)) {
            String where = display(folder, THRESHOLDS_FILE);
            read(thresholdsFile, problems).forEach((name, node) -> {
                if ("alternative".equals(node)) {
                    thresholds.put(name, new ThresholdOverride(name, null, null, true));
                } else if (node instanceof Map<?, ?> map && map.get("value") instanceof Number number
                        && map.get("source") instanceof String source && !source.isBlank()
                        && map.keySet().stream().allMatch(key -> Set.of("value", "source", "unit").contains(key))) {
                    thresholds.put(name, new ThresholdOverride(name, number.doubleValue(), source.strip(), false));
                } else {
                    problems.add(where + ": " + name + ": expected { value: <number>, source: <why this value> }"
                            + " or the word alternative, found " + node);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new RuleBookException(problems);
        }
        return new LocalRules(folder, offEverywhere, Map.copyOf(sites), Map.copyOf(thresholds));
    }

    /** The rule sets off at a site (code in any case); with no site (worked cases, benchmarks) every set is on. */
    public Set<String> offAt(String siteCode) {
        if (siteCode == null) {
            return Set.of();
        }
        SiteSwitches site = sites.get(siteCode.toUpperCase(Locale.ROOT));
        Set<String> off = new TreeSet<>(offEverywhere);
        if (site != null) {
            off.addAll(site.off());
            off.removeAll(site.on());
        }
        return Set.copyOf(off);
    }

    /** Every rule set this pack names in its switches, so that a misspelt one is refused, not ignored. */
    Set<String> namedRuleSets() {
        Set<String> named = new TreeSet<>(offEverywhere);
        sites.values().forEach(site -> {
            named.addAll(site.off());
            named.addAll(site.on());
        });
        return named;
    }

    /**
     * The shipped reference data with this pack's thresholds in place; an override of a threshold the shipped file
     * does not have, or an {@code alternative} it does not name, is a problem naming the file.
     */
    ReferenceData apply(ReferenceData shipped, Map<String, Threshold> alternatives) {
        List<String> problems = new ArrayList<>();
        Map<String, Threshold> merged = new LinkedHashMap<>(shipped.thresholds());
        String where = display(folder, THRESHOLDS_FILE);
        thresholds.values().forEach(override -> {
            Threshold base = merged.get(override.name());
            if (base == null) {
                problems.add(where + ": " + override.name() + " is not a threshold of rules/reference/thresholds.yaml");
            } else if (override.alternative()) {
                Threshold alternative = alternatives.get(override.name());
                if (alternative == null) {
                    problems.add(where + ": " + override.name() + " has no alternative in rules/reference/"
                            + "thresholds.yaml; give { value, source }");
                } else {
                    merged.put(override.name(), alternative);
                }
            } else {
                merged.put(override.name(), new Threshold(override.name(), override.value(), base.unit(),
                        "Local override: " + override.source()));
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleBookException(problems);
        }
        return shipped.withThresholds(merged);
    }

    /**
     * What the pack changes, in words, recorded with the rule-book version: local rule sets, threshold overrides
     * (shipped value → local value) and the sets off, everywhere and per site.
     */
    String describe(List<String> localRuleSets, ReferenceData shipped, ReferenceData effective) {
        List<String> parts = new ArrayList<>();
        parts.add("local pack " + folder.toAbsolutePath().normalize());
        if (!localRuleSets.isEmpty()) {
            parts.add("local rule sets " + localRuleSets);
        }
        if (!thresholds.isEmpty()) {
            parts.add("thresholds " + String.join(", ", thresholds.keySet().stream()
                    .map(name -> name + " " + plain(shipped.threshold(name).value()) + " → "
                            + plain(effective.threshold(name).value()))
                    .toList()));
        }
        if (!offEverywhere.isEmpty()) {
            parts.add("off everywhere " + new TreeSet<>(offEverywhere));
        }
        sites.forEach((site, switches) -> {
            if (!switches.off().isEmpty()) {
                parts.add("off at " + site + " " + new TreeSet<>(switches.off()));
            }
            if (!switches.on().isEmpty()) {
                parts.add("on at " + site + " " + new TreeSet<>(switches.on()));
            }
        });
        return String.join("; ", parts);
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static Map<String, Object> read(Path file, List<String> problems) {
        try {
            return YamlFiles.readMapping(file);
        } catch (RuntimeException e) {
            problems.add(display(file.getParent(), file.getFileName().toString()) + ": " + e.getMessage());
            return Map.of();
        }
    }

    private static Set<String> names(Object node, String where, List<String> problems) {
        if (node == null) {
            return Set.of();
        }
        if (!(node instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
            problems.add(where + ": expected a list of rule-set folder names");
            return Set.of();
        }
        return Set.copyOf(list.stream().map(String::valueOf).map(String::strip).toList());
    }

    /** A local file as messages name it: the local folder's name and the file. */
    static String display(Path folder, String file) {
        return folder.toAbsolutePath().normalize().getFileName() + "/" + file;
    }
}
