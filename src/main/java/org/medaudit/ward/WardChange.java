package org.medaudit.ward;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One change in a ward's life, as the sites file made it: {@code opened}, {@code renamed}, {@code moved} (to another
 * site), {@code updated} (its specialty), {@code closed} or {@code reopened}. A closed ward keeps its code and its
 * history; its samples stay readable.
 *
 * @param name the ward's name after the change
 * @param previousName the name before a rename; absent otherwise
 * @param site the code of the ward's site after the change
 * @param previousSite the site before a move; absent otherwise
 */
@Serdeable
public record WardChange(Instant at, String change, String name, @Nullable String previousName, String site,
        @Nullable String previousSite, boolean active) {
}
