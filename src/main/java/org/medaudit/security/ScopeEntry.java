package org.medaudit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One site or ward in a user's or a token's scope. */
final class ScopeEntry {

    static final String SITE = "site";
    static final String WARD = "ward";

    private ScopeEntry() {
    }

    @MappedEntity("user_scope")
    record OfUser(@Id @GeneratedValue @Nullable Long id, long userId, String kind, String code) {
    }

    @MappedEntity("token_scope")
    record OfToken(@Id @GeneratedValue @Nullable Long id, long tokenId, String kind, String code) {
    }

    static Scope scope(Iterable<String[]> kindAndCode) {
        java.util.Set<String> sites = new java.util.TreeSet<>();
        java.util.Set<String> wards = new java.util.TreeSet<>();
        for (String[] entry : kindAndCode) {
            (SITE.equals(entry[0]) ? sites : wards).add(entry[1]);
        }
        return new Scope(sites, wards);
    }
}
