package org.revos.kernel.spi.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where the JSON Schema of a request body (on a resource method) or of a request parameter (on the parameter) comes
 * from, for what the Java signature cannot say: the members and rules of a {@code JsonNode} body, the pattern or values
 * of a {@code String} parameter. It names a static method of the declaring class that takes nothing and returns the
 * schema as an {@code ObjectNode}; that method sits next to the parser that enforces the rules and is built from the
 * same constants, so the generated OpenAPI document states the parser's own rules. See {@link JsonSchemas}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.PARAMETER })
public @interface SchemaFrom {

    /** @return the name of the static method that builds the schema */
    String value();

    /** @return on a method, the name the body's schema is listed under in the document's components */
    String name() default "";
}
