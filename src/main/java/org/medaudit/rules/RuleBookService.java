package org.medaudit.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the rule book that is serving. It is compiled at start-up, so a broken rule file stops the service with a
 * message naming file and line, and every case beside the rules must pass before it serves. Its version is
 * recorded, so that every sample and finding can name the rules that produced it.
 */
@Context
public class RuleBookService {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBookService.class);

    private final Path rulesFolder;
    private final RuleBookRepository versions;
    private final AtomicReference<RuleBook> current = new AtomicReference<>();

    RuleBookService(@Value("${medaudit.rules-folder}") Path rulesFolder, RuleBookRepository versions) {
        this.rulesFolder = rulesFolder;
        this.versions = versions;
        current.set(adopt(build()));
    }

    /** The rule book serving now; every evaluation takes it once and uses it throughout. */
    public RuleBook current() {
        return current.get();
    }

    /** The versions that have served, newest first. */
    public List<RuleBookRecord> versions() {
        return versions.findAllOrderByBuiltAtDesc();
    }

    private RuleBook build() {
        RuleSources sources = RuleSources.scan(rulesFolder);
        RuleBook ruleBook = RuleBookCompiler.compile(sources);
        List<String> failures = RuleCase.loadAll(sources).stream()
                .map(ruleCase -> ruleCase.check(ruleBook))
                .flatMap(java.util.Optional::stream)
                .toList();
        if (!failures.isEmpty()) {
            throw new RuleBookException(failures);
        }
        return ruleBook;
    }

    private RuleBook adopt(RuleBook ruleBook) {
        if (!versions.existsById(ruleBook.version())) {
            try {
                versions.save(new RuleBookRecord(ruleBook.version(), ruleBook.builtAt(), ruleBook.rules().size()));
            } catch (RuntimeException e) {
                // Another instance sharing the database recorded the same version first.
                if (!versions.existsById(ruleBook.version())) {
                    throw e;
                }
            }
        }
        LOG.info("Rule book {} serving: {} rules from {}", ruleBook.version(), ruleBook.rules().size(),
                rulesFolder.toAbsolutePath().normalize());
        return ruleBook;
    }
}
