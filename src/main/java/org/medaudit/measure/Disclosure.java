package org.medaudit.measure;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import org.medaudit.security.Roles;
import org.medaudit.security.Scope;
import org.medaudit.ward.WardView;

/**
 * Where small-number suppression ({@link SmallNumbers}) applies. A ward's counts are shown in full only within the
 * ward's own scope: to admins and pharmacists (who audit the charts and see them anyway), to ward users who may
 * read the ward (its team), and to API tokens whose scope names that ward by its code. Counts that leave that
 * scope are suppressed: a ward read by a token through a site scope or an unscoped (network) token, and every site
 * and network roll-up, whoever reads it. A suppressed count is null with {@code suppressed: true}, never a wrong
 * number; zero is always shown.
 */
@Singleton
public class Disclosure {

    private final SmallNumbers smallNumbers;

    Disclosure(SmallNumbers smallNumbers) {
        this.smallNumbers = smallNumbers;
    }

    public SmallNumbers smallNumbers() {
        return smallNumbers;
    }

    /** Whether this caller, who may read the ward, sees its counts in full. */
    public boolean inWardScope(Authentication who, WardView ward) {
        Collection<String> roles = who.getRoles();
        if (roles.contains(Roles.ADMIN) || roles.contains(Roles.PHARMACIST) || roles.contains(Roles.WARD)) {
            return true;
        }
        return Scope.fromAttributes(who.getAttributes()).wards().contains(ward.code());
    }

    /** The rates as this caller may see them: in full within the ward's scope, suppressed otherwise. */
    public WardRates forCaller(Authentication who, WardView ward, WardRates rates) {
        return inWardScope(who, ward) ? rates : suppressed(rates);
    }

    /** The rates with every count between 1 and the minimum hidden, and whatever would reveal one. */
    public WardRates suppressed(WardRates rates) {
        if (smallNumbers.minimum() <= 1) {
            return rates;
        }
        List<Series> series = rates.series().stream().map(this::suppressed).toList();
        return new WardRates(rates.ward(), rates.level(), rates.period(), rates.from(), rates.to(), rates.basis(),
                series);
    }

    /** A series with every count between 1 and the minimum hidden, and whatever would reveal one. */
    public Series suppressed(Series series) {
        List<Series.Point> points = series.points().stream().map(this::suppressed).toList();
        return new Series(series.ward(), series.measure(), series.title(), series.chart(), series.per(),
                series.improvement(), series.ruleProfile(), series.target(), series.baseline(), series.variationIcon(),
                series.assuranceIcon(), series.suggestedRebase(), series.sampleNote(), points);
    }

    /**
     * A point with its small counts hidden. The value, the limits (which on a p or u chart reveal the denominator)
     * and the completeness (which reveals the charts audited) go with a hidden count; the centre line, drawn from
     * many periods, and the signals stay.
     */
    Series.Point suppressed(Series.Point point) {
        if (!point.audited()) {
            return point;
        }
        boolean numerator = point.numerator() != null && smallNumbers.suppressed(point.numerator());
        boolean denominator = point.denominator() != null && smallNumbers.suppressed(point.denominator());
        boolean charts = smallNumbers.suppressed(point.chartsAudited());
        if (!numerator && !denominator && !charts) {
            return point;
        }
        boolean value = numerator || denominator;
        return new Series.Point(point.period(), true, numerator ? null : point.numerator(),
                denominator ? null : point.denominator(), value ? null : point.value(), point.centre(),
                value ? null : point.lower(), value ? null : point.upper(), point.segment(), point.signals(),
                point.annotations(), charts ? null : point.chartsAudited(), point.chartsTarget(),
                charts ? null : point.completeness(), true);
    }
}
