package org.medaudit.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.medaudit.ward.WardDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the rule book that is serving. It is compiled at start-up, so a broken rule file stops the service with a
 * message naming file and line, and every case beside the rules must pass before it serves. A reload builds a
 * candidate the same way and swaps it in only when it passed; otherwise the running rule book keeps serving. Its
 * version is recorded, so that every sample and finding can name the rules that produced it.
 */
@Context
public class RuleBookService {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBookService.class);

    private final Path rulesFolder;
    /** The hospital's local pack ({@link LocalRules}), or null when it has none. */
    private final Path localFolder;
    private final RuleBookVersions versions;
    private final WardDirectory wards;
    private final RuleBookCache cache;
    private final AtomicReference<RuleBook> current = new AtomicReference<>();
    private final FutureTask<RuleBook> first;
    /** Whether the first rule book was compiled (not taken from the cache), so is to be cached. */
    private volatile boolean compiledFirst;
    /** One reload at a time, so two admins cannot record and swap in each other's middle. */
    private final ReentrantLock reloading = new ReentrantLock();

    RuleBookService(@Value("${medaudit.rules-folder}") Path rulesFolder,
            @Value("${medaudit.local-rules-folder:}") String localFolder, RuleBookVersions versions,
            WardDirectory wards, RuleBookCache cache) {
        this.rulesFolder = rulesFolder;
        this.wards = wards;
        this.cache = cache;
        this.localFolder = localFolder == null || localFolder.isBlank() ? null : Path.of(localFolder);
        this.versions = versions;
        // The first build (the longest step of start-up) runs beside the rest of start-up: database migrations,
        // the other services and the HTTP server. The server does not listen before it has finished (startUp).
        this.first = new FutureTask<>(this::buildFirst);
        Thread builder = new Thread(() -> {
            first.run();
            cacheFirst();
        }, "rule-book-first-build");
        builder.setDaemon(true);
        builder.start();
    }

    /**
     * Waits for the first rule book at the end of start-up, before the HTTP server listens, so that a rule file
     * that does not compile or a failing case stops the service with its message, as before.
     */
    @EventListener
    void startUp(StartupEvent event) {
        current();
    }

    /**
     * The rule book serving now. Every evaluation takes it once and uses it throughout, so a reload never mixes
     * two versions in one chart: a rule book is immutable and the swap is a single atomic write.
     */
    public RuleBook current() {
        RuleBook serving = current.get();
        return serving != null ? serving : firstRuleBook();
    }

    /** The first build's rule book, recorded and serving once it has been waited for. */
    private RuleBook firstRuleBook() {
        reloading.lock();
        try {
            if (current.get() == null) {
                RuleBook built = awaitFirst();
                versions.record(built);
                current.set(built);
                LOG.info("Rule book {} serving: {} rules from {}{}", built.version(), built.rules().size(), folder(),
                        built.local() == null ? "" : " with " + built.localDescription());
            }
            return current.get();
        } finally {
            reloading.unlock();
        }
    }

    private RuleBook awaitFirst() {
        try {
            return first.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the first rule book was being built", e);
        }
    }

    /** The versions that have served, newest first, marking the one serving now. */
    public List<RuleBookVersion> versions() {
        String serving = current().version();
        return versions.all().stream().map(record -> RuleBookVersion.of(record, serving)).toList();
    }

    /**
     * Builds a candidate rule book from the rules folder, runs all its cases, and only then lets it replace the
     * serving one, recording the new version and the change in the audit trail. Evaluations go on meanwhile with
     * the serving rule book.
     *
     * @throws RuleBookRejectedException naming each file and line or failing case; the serving rule book stays
     */
    public RuleBookReload reload() {
        reloading.lock();
        try {
            RuleBook before = current();
            RuleBook candidate;
            try {
                candidate = build();
            } catch (RuleBookException e) {
                LOG.warn("Rule book reload rejected; {} keeps serving. {}", before.version(), e.getMessage());
                throw new RuleBookRejectedException(before.version(), e.problems());
            }
            if (candidate.version().equals(before.version())) {
                // The same files as the serving rule book: keep it (and its warmed-up engine), change nothing.
                return RuleBookReload.of(before, before);
            }
            versions.recordReload(before, candidate);
            current.set(candidate);
            cache.write(candidate);
            LOG.info("Rule book {} serving: {} rules from {} (was {})", candidate.version(),
                    candidate.rules().size(), folder(), before.version());
            return RuleBookReload.of(before, candidate);
        } finally {
            reloading.unlock();
        }
    }

    /**
     * Follows a reload that another instance sharing the database made: builds a rule book from this instance's
     * folder and swaps it in only if it is exactly the version announced, so that instances never serve different
     * rules under one version. Nothing is recorded: the instance that reloaded recorded the version and the reload.
     *
     * @return whether the announced version is serving here now
     */
    boolean follow(String announced) {
        reloading.lock();
        try {
            RuleBook before = current();
            if (before.version().equals(announced)) {
                return true;
            }
            RuleBook candidate;
            try {
                candidate = build();
            } catch (RuleBookException e) {
                LOG.error("Another instance reloaded rule book {}, but the rules folder {} here does not build; {} "
                        + "keeps serving. {}", announced, folder(), before.version(), e.getMessage());
                return false;
            }
            if (!candidate.version().equals(announced)) {
                LOG.error("Another instance reloaded rule book {}, but the rules folder {} here holds {}; {} keeps "
                        + "serving. Every instance needs the same rules folder.", announced, folder(),
                        candidate.version(), before.version());
                return false;
            }
            versions.record(candidate);
            current.set(candidate);
            cache.write(candidate);
            LOG.info("Rule book {} serving: {} rules from {} (was {}), following a reload on another instance",
                    candidate.version(), candidate.rules().size(), folder(), before.version());
            return true;
        } finally {
            reloading.unlock();
        }
    }

    /**
     * The version a rule book built from the folder would have now, without building it; empty when the folder
     * cannot be read as rule sources at the moment (for instance while files are being replaced).
     */
    Optional<String> folderVersion() {
        try {
            return Optional.of(sources().version());
        } catch (RuntimeException e) {
            LOG.debug("Rules folder {} cannot be read now: {}", folder(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A candidate rule book from the files on disk now (shipped and local), through every guard, without letting
     * it serve: what a back-test evaluates.
     *
     * @throws RuleBookException naming each file and line or failing case
     */
    public RuleBook candidate() {
        return build();
    }

    private RuleSources sources() {
        return RuleSources.scan(rulesFolder, localFolder);
    }

    /**
     * The first rule book: from the cache when it holds this version's compiled rules and they pass every check and
     * case as a compiled book must; otherwise compiled, as a reload is, and cached for the next start.
     */
    private RuleBook buildFirst() {
        try {
            RuleSources sources = sources();
            String version = sources.version();
            Optional<KieBase> cached = cache.read(version);
            if (cached.isPresent()) {
                try {
                    RuleBook ruleBook = build(sources, cached.get());
                    if (!ruleBook.version().equals(version)) {
                        // The files changed while it was being checked: the cached rules are not theirs.
                        throw new RuleBookException("the rule files changed during start-up");
                    }
                    checkSites(ruleBook);
                    LOG.info("Rule book {} taken from the cache {}; its rules' metadata and every case passed",
                            ruleBook.version(), cache.file());
                    return ruleBook;
                } catch (RuntimeException | LinkageError e) {
                    // Compiling from the files decides: it fails with the same message if the fault is in them.
                    LOG.warn("Rule book from the cache {} failed its checks; compiling the rules. {}", cache.file(),
                            e.getMessage());
                }
            }
        } catch (UncheckedIOException e) {
            LOG.debug("Rules folder {} cannot be read for the cache: {}", folder(), e.getMessage());
        }
        compiledFirst = true;
        return build();
    }

    /** Caches a first rule book that was compiled, after it is handed over, so that start-up does not wait for it. */
    private void cacheFirst() {
        try {
            if (compiledFirst) {
                cache.write(first.get());
            }
        } catch (ExecutionException e) {
            // The failure stops start-up through startUp; there is nothing to cache.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The one way a rule book is made, at start-up and on reload: compile the folders, then run every case. */
    private RuleBook build() {
        try {
            RuleBook ruleBook = build(sources());
            checkSites(ruleBook);
            return ruleBook;
        } catch (UncheckedIOException e) {
            // A file that vanished or cannot be read while the folder is being edited: the message names it.
            throw new RuleBookException(e.getMessage());
        }
    }

    /** A site code in the local switches that the sites file does not have is a typo that would leave sets on. */
    private void checkSites(RuleBook ruleBook) {
        if (ruleBook.local() == null) {
            return;
        }
        Set<String> known = wards.sites().stream().map(site -> site.code().toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> unknown = ruleBook.local().rules().sites().keySet().stream()
                .filter(site -> !known.contains(site)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new RuleBookException(LocalRules.display(localFolder, LocalRules.SWITCHES_FILE) + ": no site has "
                    + "the code " + String.join(", ", unknown) + " (sites: " + known.stream().sorted().toList() + ")");
        }
    }

    /**
     * Compiles the sources (metadata guard), requires every rule to have a case in its own set where it fires and
     * one where it must not (case guard), and runs every case: shipped and local rule sets alike.
     */
    static RuleBook build(RuleSources sources) {
        return build(sources, null);
    }

    /** The same with the rules compiled earlier from these sources ({@link RuleBookCache}); null: compile them. */
    static RuleBook build(RuleSources sources, KieBase compiled) {
        RuleBook ruleBook = RuleBookCompiler.compile(sources, compiled);
        List<RuleCase> cases = cases(sources);
        List<String> failures = new ArrayList<>(uncovered(sources, ruleBook, cases));
        cases.stream().map(ruleCase -> check(ruleCase, ruleBook)).flatMap(Optional::stream).forEach(failures::add);
        if (!failures.isEmpty()) {
            throw new RuleBookException(failures);
        }
        return ruleBook;
    }

    /** Every rule without a case of its own set where it fires, or without one where it must not. */
    private static List<String> uncovered(RuleSources sources, RuleBook ruleBook, List<RuleCase> cases) {
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : ruleBook.rules()) {
            List<RuleCase> own = cases.stream().filter(c -> c.ruleSet().equals(rule.ruleSet())).toList();
            List<String> missing = new ArrayList<>();
            if (own.stream().noneMatch(c -> c.mustFind().contains(rule.id()))) {
                missing.add("one where it fires (mustFind)");
            }
            if (own.stream().noneMatch(c -> c.mustNotFind().contains(rule.id()))) {
                missing.add("one where it must not (mustNotFind)");
            }
            if (!missing.isEmpty()) {
                String files = String.join(", ", sources.ruleFiles().stream()
                        .filter(file -> file.ruleSet().equals(rule.ruleSet()))
                        .map(file -> display(sources, file)).toList());
                problems.add(files + ": rule " + rule.id() + " (\"" + rule.name() + "\") needs cases in "
                        + rule.ruleSet() + "/cases/: " + String.join(" and ", missing));
            }
        }
        return problems;
    }

    private static String display(RuleSources sources, RuleSources.RuleFile file) {
        Path base = file.local() ? sources.localFolder() : sources.root();
        return base.toAbsolutePath().normalize().getFileName() + "/"
                + base.relativize(file.path()).toString().replace('\\', '/');
    }

    private static List<RuleCase> cases(RuleSources sources) {
        try {
            return RuleCase.loadAll(sources);
        } catch (IllegalArgumentException e) {
            // A case file that is not valid YAML; the message names it.
            throw new RuleBookException(e.getMessage());
        }
    }

    /** A case whose chart makes a rule fail while it fires would fail real charts too: it is a failing case. */
    private static Optional<String> check(RuleCase ruleCase, RuleBook ruleBook) {
        try {
            return ruleCase.check(ruleBook);
        } catch (RuntimeException e) {
            return Optional.of("case " + ruleCase.where() + " (" + ruleCase.description()
                    + "): evaluating its chart failed: " + e.getMessage());
        }
    }

    private Path folder() {
        return rulesFolder.toAbsolutePath().normalize();
    }
}
