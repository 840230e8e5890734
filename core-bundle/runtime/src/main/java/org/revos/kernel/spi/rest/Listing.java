package org.revos.kernel.spi.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that reads its query through {@code UriInfo} and answers a list envelope
 * {@code {"items": [...], "next": cursor-or-null}}, so the generated OpenAPI document can name the query parameters
 * the Java signature does not show.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Listing {

    /** @return whether the list takes {@code limit} and {@code cursor}; if not, it is one page and next is null */
    boolean paged() default true;

    /** @return the query parameters that filter the list by equality */
    String[] filters() default {};

    /**
     * @return the name of a static method of the resource class that takes nothing and returns a JSON object of
     *         filter name to the filter's schema (as {@link SchemaFrom} methods do); filters it does not name are
     *         strings
     */
    String filterSchemas() default "";
}
