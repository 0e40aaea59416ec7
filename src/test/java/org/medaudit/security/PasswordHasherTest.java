package org.medaudit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checking a password against the decoy costs what checking it against a real hash costs. */
class PasswordHasherTest {

    @Test
    @DisplayName("the fixed decoy hash has the cost of the hashes made for real passwords")
    void decoyHasTheCostOfRealHashes() {
        PasswordHasher hasher = new PasswordHasher();
        String fixed = PasswordHasher.DECOY;

        // BCrypt's "$2a$12$" prefix names its version and cost: the same prefix, the same work per check.
        assertThat(fixed.substring(0, 7)).isEqualTo(hasher.hash("a password of twelve").substring(0, 7));
        assertThat(hasher.matches("no user has this password, it only spends time", fixed)).isTrue();
    }
}
