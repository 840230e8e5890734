package org.revos.kernel.spi;

/**
 * One problem with one field of a request: {@code field} is a JSON path such as {@code arr}, {@code pacing[2]} or
 * {@code properties.budget}, or a query parameter name.
 */
public record FieldError(String field, String message) {
}
