package org.revos.kernel.spi.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that reads query parameters through {@code UriInfo} (a set that depends on data, such as a
 * KPI's filter dimensions), so the generated OpenAPI document names the parameters the Java signature does not show.
 * It names a static method of the resource class that takes nothing and returns an {@code ObjectNode} with one member
 * per query parameter, in order: {@code {"name": {"required": bool, "description": "...", "schema": {...}}}}. As with
 * {@link SchemaFrom}, the method sits next to the parser that reads the parameters and is built from its constants.
 * (Since 1.1.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QueryFrom {

    /** @return the name of the static method that states the parameters */
    String value();
}
