package org.medaudit.system;

import java.util.List;

/** A request whose fields are invalid: answered 422 with every invalid field listed, and nothing stored. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String pointer, String detail) {
        this(List.of(new FieldError(pointer, detail)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
