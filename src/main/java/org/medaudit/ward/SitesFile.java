package org.medaudit.ward;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.medaudit.system.YamlFiles;

/**
 * The hospital's sites and wards as written in {@code audit-forms/sites.yaml}: the one place a hospital lists
 * where it audits. Ward codes are unique across the file, because a chart sample names its ward by code alone.
 */
record SitesFile(List<SiteDefinition> sites) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");

    record SiteDefinition(String code, String name, List<WardDefinition> wards) {
    }

    record WardDefinition(String code, String name, String specialty) {
    }

    @SuppressWarnings("unchecked")
    static SitesFile load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Sites file not found: " + file.toAbsolutePath()
                    + " (set MEDAUDIT_SITES to the YAML file that lists your sites and wards)");
        }
        Map<String, Object> document = YamlFiles.readMapping(file);
        if (!(document.get("sites") instanceof Map<?, ?> sites) || sites.isEmpty()) {
            throw new IllegalStateException(file + ": 'sites' must map each site code to its name and wards");
        }
        List<SiteDefinition> definitions = new ArrayList<>();
        Set<String> wardCodes = new HashSet<>();
        ((Map<String, Object>) sites).forEach((siteCode, siteNode) -> {
            String where = file.getFileName() + ": site " + siteCode;
            Map<String, Object> site = mapping(siteNode, where);
            List<WardDefinition> wards = new ArrayList<>();
            mapping(site.get("wards"), where + ": wards").forEach((wardCode, wardNode) -> {
                String wardWhere = where + ", ward " + wardCode;
                Map<String, Object> ward = mapping(wardNode, wardWhere);
                String code = code(String.valueOf(wardCode), wardWhere);
                if (!wardCodes.add(code.toUpperCase(Locale.ROOT))) {
                    throw new IllegalStateException(wardWhere + ": ward code is used twice; codes are unique");
                }
                wards.add(new WardDefinition(code, text(ward.get("name"), wardWhere + ": name"),
                        ward.get("specialty") == null ? null : text(ward.get("specialty"), wardWhere)));
            });
            definitions.add(new SiteDefinition(code(siteCode, where), text(site.get("name"), where + ": name"),
                    List.copyOf(wards)));
        });
        return new SitesFile(List.copyOf(definitions));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object node, String where) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalStateException(where + ": expected a mapping");
        }
        return (Map<String, Object>) map;
    }

    private static String text(Object node, String where) {
        if (!(node instanceof String text) || text.isBlank()) {
            throw new IllegalStateException(where + ": text is required");
        }
        return text.strip();
    }

    private static String code(String code, String where) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalStateException(where + ": a code is 1-20 letters, digits or hyphens");
        }
        return code;
    }
}
