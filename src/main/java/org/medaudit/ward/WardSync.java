package org.medaudit.ward;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medaudit.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the database's sites and wards match the sites file in one transaction: new ones are added, names are
 * updated, and wards no longer listed are made inactive rather than deleted, so that their samples keep a home.
 */
@Singleton
class WardSync {

    private static final Logger LOG = LoggerFactory.getLogger(WardSync.class);

    private final SiteRepository sites;
    private final WardRepository wards;
    private final AuditTrail audit;

    WardSync(SiteRepository sites, WardRepository wards, AuditTrail audit) {
        this.sites = sites;
        this.wards = wards;
        this.audit = audit;
    }

    private <T> T changed(String action, T before, T after) {
        String code = after instanceof Ward ward ? ward.code() : ((Site) after).code();
        audit.record(action, after instanceof Ward ? "ward" : "site", code, before, after);
        return after;
    }

    @Transactional
    void apply(SitesFile file) {
        // Everything stored read once, not one query per listed site and ward: a national network lists 36,000
        // wards, and each start-up would make as many round trips before serving.
        Map<String, Site> storedSites = new HashMap<>();
        sites.findAll().forEach(site -> storedSites.put(site.code(), site));
        List<Ward> storedWards = new ArrayList<>();
        wards.findAll().forEach(storedWards::add);
        Map<String, Ward> wardsByCode = new HashMap<>();
        storedWards.forEach(ward -> wardsByCode.put(ward.code(), ward));
        Set<String> listed = new HashSet<>();
        for (SitesFile.SiteDefinition definition : file.sites()) {
            Site site = Optional.ofNullable(storedSites.get(definition.code()))
                    .map(existing -> existing.name().equals(definition.name()) ? existing
                            : changed("site.renamed", existing,
                                    sites.update(new Site(existing.id(), existing.code(), definition.name()))))
                    .orElseGet(() -> changed("site.created", null,
                            sites.save(new Site(null, definition.code(), definition.name()))));
            for (SitesFile.WardDefinition ward : definition.wards()) {
                listed.add(ward.code());
                Ward wanted = new Ward(null, site.id(), ward.code(), ward.name(), ward.specialty(), true);
                Optional.ofNullable(wardsByCode.get(ward.code())).ifPresentOrElse(existing -> {
                    Ward updated = new Ward(existing.id(), site.id(), ward.code(), ward.name(), ward.specialty(),
                            true);
                    if (!updated.equals(existing)) {
                        changed(existing.active() ? "ward.updated" : "ward.reopened", existing,
                                wards.update(updated));
                    }
                }, () -> changed("ward.created", null, wards.save(wanted)));
            }
        }
        for (Ward ward : storedWards) {
            if (ward.active() && !listed.contains(ward.code())) {
                LOG.info("Ward {} is no longer in the sites file: kept inactive with its history", ward.code());
                changed("ward.closed", ward, wards.update(new Ward(ward.id(), ward.siteId(), ward.code(), ward.name(),
                        ward.specialty(), false)));
            }
        }
    }
}
