/**
 * The facts a rule sees: one chart, resolved against the reference data, as immutable records.
 *
 * <p>These are the words a rule is written in ({@code Order( hasClass("nsaid") )}, {@code Patient( egfr < $limit )}),
 * so they are named for a pharmacist reading a rule, not for the Java that builds them.
 */
package org.medaudit.rules.fact;
