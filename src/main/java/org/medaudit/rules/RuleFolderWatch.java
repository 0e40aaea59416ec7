package org.medaudit.rules;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code medaudit.rules-watch} on, looks at the rules folder at a fixed interval and reloads when its rule or
 * reference files have changed, exactly as the admin's reload does: a candidate that fails is logged with its
 * problems and the serving rule book stays. A version that failed is not tried again until the files change once
 * more, so a half-finished edit is retried as soon as it is finished, and a broken one does not fill the log.
 */
@Singleton
@Requires(property = "medaudit.rules-watch", value = "true")
class RuleFolderWatch {

    /** What one look at the folder did. */
    enum Outcome { UNCHANGED, RELOADED, REJECTED, STILL_REJECTED, UNREADABLE }

    private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatch.class);

    private final RuleBookService ruleBooks;
    private volatile String rejected;

    RuleFolderWatch(RuleBookService ruleBooks) {
        this.ruleBooks = ruleBooks;
    }

    @Scheduled(fixedDelay = "${medaudit.rules-watch-interval:5s}",
            initialDelay = "${medaudit.rules-watch-interval:5s}")
    synchronized Outcome check() {
        Optional<String> version = ruleBooks.folderVersion();
        if (version.isEmpty()) {
            return Outcome.UNREADABLE;
        }
        if (version.get().equals(ruleBooks.current().version())) {
            rejected = null;
            return Outcome.UNCHANGED;
        }
        if (version.get().equals(rejected)) {
            return Outcome.STILL_REJECTED;
        }
        try {
            ruleBooks.reload();
            rejected = null;
            return Outcome.RELOADED;
        } catch (RuleBookRejectedException e) {
            // The service has logged the problems; remember the version so it is not rebuilt every interval.
            rejected = version.get();
            return Outcome.REJECTED;
        }
    }
}
