package org.medaudit.form;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One question of an audit form: what the pharmacist sees (label, hint, type, the coded values offered) and where
 * the answer goes in the chart-sample contract ({@code maps}, a JSON pointer; {@code *} stands for the row in a
 * repeated section).
 *
 * @param type one of {@link #TYPES}
 * @param vocabulary the name of a coded list ({@link Vocabularies}): the only answers a choice allows, or the
 *     suggestions a text field offers
 * @param required the form asks for an answer even where the contract does not
 * @param hidden the hospital does not ask this question; its path is left out of every chart entered
 */
public record FormField(String label, @Nullable String hint, String type, @Nullable String vocabulary,
        boolean required, boolean hidden, String maps) {

    public static final String TEXT = "text";
    public static final String NUMBER = "number";
    public static final String DATE = "date";
    public static final String DATETIME = "datetime";
    public static final String CHOICE = "choice";
    public static final String YES_NO = "yes-no";
    public static final String LIST = "list";
    public static final List<String> TYPES = List.of(TEXT, NUMBER, DATE, DATETIME, CHOICE, YES_NO, LIST);

    /** Each pointer's name split at its row: a CSV import asks for tens of names per chart, millions per file. */
    private static final Map<String, String[]> NAME_PARTS = new ConcurrentHashMap<>();

    /** The id and name of the field's input: the pointer with dashes, and the row number in place of {@code *}. */
    public String name(int row) {
        String[] parts = NAME_PARTS.computeIfAbsent(maps, pointer -> FormDefinition.key(pointer).split("\\*", -1));
        return parts.length == 1 ? parts[0] : String.join(String.valueOf(row), parts);
    }
}
