/**
 * The facts a rule sees: one chart, resolved against the reference data, as immutable records.
 *
 * <p>These are the words a rule is written in ({@code Order( hasClass("nsaid") )}, {@code Patient( egfr < $limit )}),
 * so they are named for a pharmacist reading a rule, not for the Java that builds them.
 *
 * <p>Facts are never modified during an evaluation, so they are {@code @ClassReactive}: property reactivity would
 * buy nothing, and Drools would warn about every rule that compares one fact with another.
 */
package org.medaudit.rules.fact;
