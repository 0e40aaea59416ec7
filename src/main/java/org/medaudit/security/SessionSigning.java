package org.medaudit.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs session cookies. Given by configuration ({@code MEDAUDIT_SESSION_SECRET}, at least 32
 * characters) or else generated once and kept in the database, so that every instance sharing the database
 * accepts the same sessions and a restart logs nobody out.
 */
@Factory
class SessionSigning {

    static final String SECRET_NAME = "session-signing-key";

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration sessionSignature(AppSecret.Repository secrets,
            @Nullable @Value("${medaudit.session-secret:}") String configured) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setSecret(configured != null && !configured.isBlank() ? checked(configured)
                : stored(secrets));
        return new SecretSignature(configuration);
    }

    private static String checked(String secret) {
        if (secret.length() < 32) {
            throw new IllegalStateException("MEDAUDIT_SESSION_SECRET must be at least 32 characters long");
        }
        return secret;
    }

    private static String stored(AppSecret.Repository secrets) {
        return secrets.findById(SECRET_NAME).map(AppSecret::value).orElseGet(() -> {
            byte[] key = new byte[48];
            new SecureRandom().nextBytes(key);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
            try {
                secrets.save(new AppSecret(SECRET_NAME, secret));
                return secret;
            } catch (RuntimeException e) {
                // Another instance stored its key first: use that one.
                return secrets.findById(SECRET_NAME).map(AppSecret::value).orElseThrow(() -> e);
            }
        });
    }
}
