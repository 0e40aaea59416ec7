package org.medaudit.security;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which users may still use their sessions, in memory so that checking a session costs no query. A change made
 * here applies at once; one made by another instance sharing the database applies within the refresh interval,
 * except that a session this instance cannot vouch for (a user it has not loaded yet, or a stamp it has not seen)
 * is checked against the database at once: a person signed in through one instance is signed in on all of them.
 */
@Singleton
class UserStates {

    /** Active or not, and the moment before which the user's sessions are no longer valid. */
    record State(boolean active, Instant sessionsValidFrom) {
    }

    private final SecurityRepositories.Users users;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    UserStates(SecurityRepositories.Users users) {
        this.users = users;
    }

    /** Whether a session signed in with this stamp is still good: the user is active and nothing changed since. */
    boolean sessionValid(String username, long sessionStamp) {
        State state = states.get(username);
        if (state == null || state.sessionsValidFrom().toEpochMilli() != sessionStamp) {
            // Only a correctly signed token reaches here, so this query cannot be forced by a stranger.
            state = users.findByUsername(username).map(user -> {
                refresh(user);
                return states.get(user.username());
            }).orElse(null);
        }
        return state != null && state.active() && state.sessionsValidFrom().toEpochMilli() == sessionStamp;
    }

    void refresh(AppUser user) {
        states.put(user.username(), new State(user.active(), user.sessionsValidFrom()));
    }

    @Scheduled(fixedDelay = "${medaudit.security.user-refresh:30s}", initialDelay = "0s")
    @Transactional
    void reload() {
        Map<String, State> fresh = new ConcurrentHashMap<>();
        users.findAll().forEach(user -> fresh.put(user.username(),
                new State(user.active(), user.sessionsValidFrom())));
        states.keySet().retainAll(fresh.keySet());
        states.putAll(fresh);
    }
}
