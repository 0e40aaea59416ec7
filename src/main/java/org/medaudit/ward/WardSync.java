package org.medaudit.ward;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;
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

    WardSync(SiteRepository sites, WardRepository wards) {
        this.sites = sites;
        this.wards = wards;
    }

    @Transactional
    void apply(SitesFile file) {
        Set<String> listed = new HashSet<>();
        for (SitesFile.SiteDefinition definition : file.sites()) {
            Site site = sites.findByCode(definition.code())
                    .map(existing -> existing.name().equals(definition.name()) ? existing
                            : sites.update(new Site(existing.id(), existing.code(), definition.name())))
                    .orElseGet(() -> sites.save(new Site(null, definition.code(), definition.name())));
            for (SitesFile.WardDefinition ward : definition.wards()) {
                listed.add(ward.code());
                Ward wanted = new Ward(null, site.id(), ward.code(), ward.name(), ward.specialty(), true);
                wards.findByCode(ward.code()).ifPresentOrElse(existing -> {
                    Ward updated = new Ward(existing.id(), site.id(), ward.code(), ward.name(), ward.specialty(),
                            true);
                    if (!updated.equals(existing)) {
                        wards.update(updated);
                    }
                }, () -> wards.save(wanted));
            }
        }
        for (Ward ward : wards.findAll()) {
            if (ward.active() && !listed.contains(ward.code())) {
                LOG.info("Ward {} is no longer in the sites file: kept inactive with its history", ward.code());
                wards.update(new Ward(ward.id(), ward.siteId(), ward.code(), ward.name(), ward.specialty(), false));
            }
        }
    }
}
