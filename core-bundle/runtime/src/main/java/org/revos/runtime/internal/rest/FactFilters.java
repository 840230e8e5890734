package org.revos.runtime.internal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that reads a KPI query through {@code UriInfo}: {@code period}, {@code asOf} and one filter
 * per fact dimension ({@link org.revos.api.query.Facts#DIMENSIONS}), so the generated OpenAPI document names the
 * query parameters the Java signature does not show.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FactFilters {

    /** @return whether the method takes one {@code period}; the goal matrix takes {@code periods} instead */
    boolean period() default true;

    /** @return what the period defaults to when absent, in words; empty when it is required */
    String periodDefault() default "";
}
