package org.medaudit.ward;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sites and wards MedAudit knows: loaded from the sites file at start-up (a bad file stops start-up with a
 * message naming the entry) and kept in memory, as they change only when the file does.
 */
@Context
public class WardDirectory {

    private final WardSync sync;
    private final SiteRepository sites;
    private final WardRepository wards;
    private final Path sitesFile;
    private volatile Map<String, Ward> wardsByCode = Map.of();
    private volatile List<SiteView> siteViews = List.of();

    WardDirectory(WardSync sync, SiteRepository sites, WardRepository wards,
            @Value("${medaudit.sites-file}") Path sitesFile) {
        this.sync = sync;
        this.sites = sites;
        this.wards = wards;
        this.sitesFile = sitesFile;
    }

    @PostConstruct
    void load() {
        sync.apply(SitesFile.load(sitesFile));
        List<Ward> all = wards.findAllOrderByCode();
        wardsByCode = all.stream().collect(Collectors.toUnmodifiableMap(w -> key(w.code()), Function.identity()));
        siteViews = sites.findAllOrderByCode().stream()
                .map(site -> new SiteView(site.code(), site.name(), all.stream()
                        .filter(ward -> ward.siteId().equals(site.id()))
                        .sorted(Comparator.comparing(Ward::code))
                        .map(ward -> view(ward, site))
                        .toList()))
                .toList();
    }

    /** The ward with this code (any case), active or not. */
    public Optional<Ward> ward(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(wardsByCode.get(key(code)));
    }

    public Optional<WardView> wardView(String code) {
        return ward(code).flatMap(ward -> siteViews.stream()
                .flatMap(site -> site.wards().stream())
                .filter(view -> view.code().equals(ward.code()))
                .findFirst());
    }

    /** The ward with this database id; every stored sample has one. */
    public Ward ward(long id) {
        return wardsByCode.values().stream().filter(ward -> ward.id() == id).findFirst()
                .orElseThrow(() -> new IllegalStateException("No ward with id " + id));
    }

    public List<SiteView> sites() {
        return siteViews;
    }

    private static WardView view(Ward ward, Site site) {
        return new WardView(ward.code(), ward.name(), site.code(), site.name(), ward.specialty(), ward.active());
    }

    private static String key(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
