package org.revos.kernel.spi.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The status a resource method answers with when it succeeds, for methods whose Java signature cannot say it: those
 * that return a {@code Response} (201 for creations, 204 for deletions). The generated OpenAPI document reads it;
 * methods returning an entity answer 200 and {@code void} methods 204 without it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResponseStatus {

    /** @return the HTTP status of a successful answer */
    int value();
}
