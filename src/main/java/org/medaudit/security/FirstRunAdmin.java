package org.medaudit.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On first run, when no admin exists, creates {@code admin} with the password from configuration
 * ({@code MEDAUDIT_ADMIN_PASSWORD}) or a random one printed once to the log, so that a new installation can be
 * entered at once and no default password is ever shared between hospitals.
 */
@Singleton
class FirstRunAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstRunAdmin.class);
    static final String USERNAME = "admin";

    private final SecurityRepositories.Users repository;
    private final Users users;
    private final String configuredPassword;

    FirstRunAdmin(SecurityRepositories.Users repository, Users users,
            @Nullable @Value("${medaudit.admin-password:}") String configuredPassword) {
        this.repository = repository;
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (repository.findAll().iterator().hasNext()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        users.create(new UserRequests.NewUser(USERNAME, "Administrator", password, List.of(Roles.ADMIN), null));
        if (generated) {
            LOG.warn("""

                    ================================================================
                      First run: created the administrator account.
                        username: {}
                        password: {}
                      This password is shown only once. Log in and change it, or set
                      MEDAUDIT_ADMIN_PASSWORD before the first start next time.
                    ================================================================""", USERNAME, password);
        } else {
            LOG.info("First run: created the administrator account '{}' with the configured password", USERNAME);
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
