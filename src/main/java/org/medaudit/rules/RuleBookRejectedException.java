package org.medaudit.rules;

import java.util.List;

/**
 * A candidate rule book failed to compile or failed one of its cases, so it was not adopted: the problems name
 * each file and line or failing case, and the rule book that was serving still is.
 */
public class RuleBookRejectedException extends RuntimeException {

    private final String serving;
    private final List<String> problems;

    public RuleBookRejectedException(String serving, List<String> problems) {
        super("The new rule book was not adopted; " + serving + " keeps serving:\n  " + String.join("\n  ", problems));
        this.serving = serving;
        this.problems = List.copyOf(problems);
    }

    /** The version still serving. */
    public String serving() {
        return serving;
    }

    public List<String> problems() {
        return problems;
    }
}
