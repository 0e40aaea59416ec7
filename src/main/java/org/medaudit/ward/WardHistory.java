package org.medaudit.ward;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medaudit.audit.AuditEvent;
import org.medaudit.audit.AuditTrail;
import org.medaudit.system.JsonTree;

/**
 * Each ward's renames, moves and closures, read back from the audit trail where {@link WardSync} records every
 * change the sites file makes (the ward's state before and after), oldest first.
 */
@Singleton
class WardHistory {

    private final AuditTrail audit;
    private final SiteRepository sites;

    WardHistory(AuditTrail audit, SiteRepository sites) {
        this.audit = audit;
        this.sites = sites;
    }

    /** Every ward's changes by ward code, in one read of the trail. */
    Map<String, List<WardChange>> byWard() {
        Map<Long, String> siteCodes = new HashMap<>();
        sites.findAll().forEach(site -> siteCodes.put(site.id(), site.code()));
        Map<String, List<WardChange>> history = new HashMap<>();
        for (AuditEvent event : audit.ofSubjectType("ward")) {
            change(event, siteCodes).ifPresent(change ->
                    history.computeIfAbsent(event.subjectId(), code -> new ArrayList<>()).add(change));
        }
        return history;
    }

    private static java.util.Optional<WardChange> change(AuditEvent event, Map<Long, String> siteCodes) {
        Map<String, Object> after = state(event.afterState());
        if (after == null) {
            return java.util.Optional.empty();
        }
        Map<String, Object> before = state(event.beforeState());
        String name = String.valueOf(after.get("name"));
        String site = siteCodes.getOrDefault(number(after.get("siteId")), "?");
        boolean active = Boolean.TRUE.equals(after.get("active"));
        String previousName = before == null || Objects.equals(before.get("name"), after.get("name")) ? null
                : String.valueOf(before.get("name"));
        String previousSite = before == null || Objects.equals(number(before.get("siteId")),
                number(after.get("siteId"))) ? null : siteCodes.getOrDefault(number(before.get("siteId")), "?");
        String change = switch (event.action()) {
            case "ward.created" -> "opened";
            case "ward.closed" -> "closed";
            case "ward.reopened" -> "reopened";
            default -> previousSite != null ? "moved" : previousName != null ? "renamed" : "updated";
        };
        return java.util.Optional.of(new WardChange(event.occurredAt(), change, name, previousName, site,
                previousSite, active));
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> state(@Nullable String json) {
        return json == null ? null
                : JsonTree.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)) instanceof Map<?, ?> map
                        ? (Map<String, Object>) map : null;
    }

    private static @Nullable Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
