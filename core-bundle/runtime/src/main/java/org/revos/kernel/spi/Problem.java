package org.revos.kernel.spi;

import java.util.List;

/**
 * A request the runtime refuses, answered as RFC 9457 {@code application/problem+json}. Nothing has been written
 * when one is thrown: writes throw it before or instead of committing.
 */
public final class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String type;
    private final List<FieldError> errors;

    public Problem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: the request is malformed or fields are invalid; every problem is listed. */
    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(400, "invalid-request", "Invalid request", detail, errors);
    }

    public static Problem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** 404, worded the same for unknown ids and other tenants' ids. */
    public static Problem notFound(String what, String id) {
        return new Problem(404, "not-found", "Not found", "No " + what + " with id " + id, List.of());
    }

    public static Problem conflict(String detail, List<FieldError> errors) {
        return new Problem(409, "conflict", "Conflict", detail, errors);
    }

    /** 422: well-formed, but the business rules refuse it; every unmet rule is listed. */
    public static Problem unprocessable(String title, String detail, List<FieldError> errors) {
        return new Problem(422, "unprocessable", title, detail, errors);
    }

    /** 422 for one field whose value the rules refuse, such as a file outside the tenant's folder. */
    public static Problem unprocessable(String title, String field, String message) {
        return unprocessable(title, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "unauthorized", "Unauthorized", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** @return the last segment of the problem type URI, such as {@code invalid-request} */
    public String type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
