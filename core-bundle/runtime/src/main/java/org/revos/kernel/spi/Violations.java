package org.revos.kernel.spi;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a request before answering, so the caller learns of all of them at once. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** @throws Problem 400 listing every problem, when there is any */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }
}
