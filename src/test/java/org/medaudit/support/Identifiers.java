package org.medaudit.support;

import java.util.Random;

/** Patient identifiers for tests that check MedAudit refuses them wherever they are put. */
public final class Identifiers {

    private Identifiers() {
    }

    /** A valid NHS number: nine random digits and the modulus-11 check digit. */
    public static String nhsNumber(Random random) {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int digit = random.nextInt(10);
                digits.append(digit);
                sum += digit * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }
}
