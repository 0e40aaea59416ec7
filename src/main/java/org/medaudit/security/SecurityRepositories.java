package org.medaudit.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The repositories of users, tokens and their scopes. */
final class SecurityRepositories {

    private SecurityRepositories() {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Users extends CrudRepository<AppUser, Long> {
        Optional<AppUser> findByUsername(String username);

        List<AppUser> findAllOrderByUsername();

        boolean existsByRolesContains(String role);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface UserScopes extends CrudRepository<ScopeEntry.OfUser, Long> {
        List<ScopeEntry.OfUser> findByUserId(long userId);

        void deleteByUserId(long userId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface Tokens extends CrudRepository<ApiToken, Long> {
        Optional<ApiToken> findByTokenHash(String tokenHash);

        List<ApiToken> findAllOrderByCreatedAtDesc();

        @Query("UPDATE api_token SET last_used_at = :usedAt WHERE id = :id")
        void recordUse(long id, Instant usedAt);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface TokenScopes extends CrudRepository<ScopeEntry.OfToken, Long> {
        List<ScopeEntry.OfToken> findByTokenId(long tokenId);
    }
}
