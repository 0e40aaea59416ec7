package org.medaudit.security;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** BCrypt with a per-password salt and cost 12 (about a quarter of a second a check on the reference machine). */
@Singleton
class PasswordHasher {

    /** The shortest password accepted: NCSC guidance favours length over composition rules. */
    static final int MIN_LENGTH = 12;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);

    /**
     * A hash of a password nobody has, so that checking an unknown user costs as much as a known one. Fixed, not
     * computed at start-up: a cost-12 hash took about a second of the start-up's critical path, and a decoy needs
     * no secret, only the same cost as real hashes.
     */
    static final String DECOY = "$2a$12$1Q4z/mh6RIEIx.2d2sKu3ubTJESsfhCXtxdgKUWkKHkeae0XpHsPK";

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one check, so that response times do not reveal whether a username exists. */
    void spendTime(String password) {
        encoder.matches(password, DECOY);
    }
}
