package org.medaudit.rules.reference;

/** A quantity in a canonical unit: mass always in mg, anything else (units, mL, mmol, tablet) as named. */
public record Amount(double value, String unit) {

    public boolean sameUnitAs(Amount other) {
        return unit.equals(other.unit);
    }
}
