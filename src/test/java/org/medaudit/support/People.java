package org.medaudit.support;

import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.security.UserRequests;
import org.medaudit.security.Users;

/** Test people, created through the real user service and signed in through the real login page. */
public final class People {

    public static final String PASSWORD = "correct horse battery staple";

    private People() {
    }

    /** A signed-in client for a new user with these roles and scope. */
    public static Http signedIn(EmbeddedServer server, Users users, String username, List<String> roles,
            Scope scope) {
        if (users.find(username).isEmpty()) {
            users.create(new UserRequests.NewUser(username, "Test " + username, PASSWORD, roles, scope));
        }
        return new Http(server.getURI()).login(username, PASSWORD);
    }

    /** A signed-in pharmacist: enters and reads samples on every ward. */
    public static Http pharmacist(EmbeddedServer server, Users users) {
        return signedIn(server, users, "pharmacist", List.of(Roles.PHARMACIST), Scope.NONE);
    }
}
