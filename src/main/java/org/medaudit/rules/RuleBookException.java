package org.medaudit.rules;

import java.util.List;

/** A rule book could not be built; the message names each file and line to fix. */
public class RuleBookException extends RuntimeException {

    private final List<String> problems;

    public RuleBookException(String problem) {
        this(List.of(problem));
    }

    public RuleBookException(List<String> problems) {
        super("The rule book could not be built:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
