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
    private volatile Map<Long, Ward> wardsById = Map.of();
    private volatile Map<String, WardView> viewsByCode = Map.of();
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
        wardsById = all.stream().collect(Collectors.toUnmodifiableMap(Ward::id, Function.identity()));
        // Grouped once, and looked up by code below: a national network has tens of thousands of wards, and a
        // scan of them per site (at start-up) or per request (a ward's view) grows with its square.
        Map<Long, List<Ward>> bySite = all.stream().collect(Collectors.groupingBy(Ward::siteId));
        siteViews = sites.findAllOrderByCode().stream()
                .map(site -> new SiteView(site.code(), site.name(), bySite.getOrDefault(site.id(), List.of()).stream()
                        .sorted(Comparator.comparing(Ward::code))
                        .map(ward -> view(ward, site))
                        .toList()))
                .toList();
        viewsByCode = siteViews.stream().flatMap(site -> site.wards().stream())
                .collect(Collectors.toUnmodifiableMap(view -> key(view.code()), Function.identity()));
    }

    /** The ward with this code (any case), active or not. */
    public Optional<Ward> ward(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(wardsByCode.get(key(code)));
    }

    public Optional<WardView> wardView(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(viewsByCode.get(key(code)));
    }

    /** The ward with this database id; every stored sample has one. */
    public Ward ward(long id) {
        Ward ward = wardsById.get(id);
        if (ward == null) {
            throw new IllegalStateException("No ward with id " + id);
        }
        return ward;
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
