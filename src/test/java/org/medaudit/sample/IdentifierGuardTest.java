package org.medaudit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierGuardTest {

    @ParameterizedTest(name = "\"{0}\" holds an identifier")
    @DisplayName("NHS numbers with a valid check digit and dates of birth are refused")
    @ValueSource(strings = {"943 476 5919", "9434765919", "943-476-5919", "NHS no 4010232137", "DOB 01/02/1950",
            "d.o.b. 1950-02-01", "date of birth unknown", "born 3 March 1941", "12/03/1950", "1 Jan 2001",
            "seen 14.10.2026"})
    void identifiersAreFound(String text) {
        assertThat(IdentifierGuard.findIn(text)).isPresent();
    }

    @ParameterizedTest(name = "\"{0}\" is not an identifier")
    @DisplayName("ordinary chart text, and ten digits with a wrong check digit, pass")
    @ValueSource(strings = {"rheumatoid arthritis", "9434765918", "1200000 units", "10mg", "co-codamol 30/500",
            "review in 5 days", "bornholm disease", "2.5mg weekly on Mondays", "12/03"})
    void ordinaryTextPasses(String text) {
        assertThat(IdentifierGuard.findIn(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("the modulus-11 check digit: a remainder giving 10 is never valid, 11 becomes 0")
    @ValueSource(strings = {"4010232137", "9434765919", "1234567881"})
    void validCheckDigits(String number) {
        assertThat(IdentifierGuard.isValidNhsNumber(number)).isTrue();
    }
}
