package org.medaudit.security;

import java.util.List;

/**
 * Who may do what. People hold {@link #ADMIN}, {@link #PHARMACIST} or {@link #WARD}; API tokens hold
 * {@link #SERVICE} (read the API) and, for systems that send charts, also {@link #INTAKE}.
 */
public final class Roles {

    /** Manages users, tokens, wards and rules; reads everything. */
    public static final String ADMIN = "admin";
    /** Enters and reviews audited charts on every ward. */
    public static final String PHARMACIST = "pharmacist";
    /** Reads the wards or sites assigned to them and records change ideas for them. */
    public static final String WARD = "ward";
    /** Another service reading the API, within its token's scope. */
    public static final String SERVICE = "service";
    /** A system allowed to submit chart samples with its token (e.g. an e-prescribing export). */
    public static final String INTAKE = "intake";

    /** The roles a person can be given. */
    public static final List<String> PEOPLE = List.of(ADMIN, PHARMACIST, WARD);

    private Roles() {
    }
}
