package org.medaudit.improvement;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.List;
import org.medaudit.security.Roles;
import org.medaudit.security.WardAccess;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;

/**
 * A ward's annotations (PDSA cycles, changes, data issues, rebases, notes). Whoever may read the ward reads them;
 * its ward team (ward users whose scope covers it), pharmacists and admins record and change them. Services only
 * read.
 */
@Controller("/api/v1/wards/{ward}/annotations")
class AnnotationController {

    private final Annotations annotations;
    private final WardDirectory wards;
    private final WardAccess access;

    AnnotationController(Annotations annotations, WardDirectory wards, WardAccess access) {
        this.annotations = annotations;
        this.wards = wards;
        this.access = access;
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<AnnotationView> list(String ward, Authentication who) {
        return annotations.list(readable(ward, who));
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AnnotationView annotation(String ward, long id, Authentication who) {
        return annotations.find(readable(ward, who), id);
    }

    @Post
    @Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
    HttpResponse<AnnotationView> create(String ward, @Body byte[] body, Authentication who) {
        AnnotationView created = annotations.create(readable(ward, who), body, who.getName());
        return HttpResponse.created(created,
                URI.create("/api/v1/wards/" + created.ward() + "/annotations/" + created.id()));
    }

    @Patch("/{id}")
    @Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
    AnnotationView change(String ward, long id, @Body byte[] body, Authentication who) {
        return annotations.change(readable(ward, who), id, body);
    }

    @Delete("/{id}")
    @Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
    HttpResponse<Void> delete(String ward, long id, Authentication who) {
        annotations.delete(readable(ward, who), id);
        return HttpResponse.noContent();
    }

    /** The ward, when it exists (404) and the caller may read it (403); a ward user writes only where they read. */
    private Ward readable(String code, Authentication who) {
        Ward ward = wards.ward(code)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No ward with code " + code));
        access.checkRead(who, wards.wardView(code).orElseThrow());
        return ward;
    }
}
