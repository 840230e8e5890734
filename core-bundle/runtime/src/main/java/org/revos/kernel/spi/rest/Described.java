package org.revos.kernel.spi.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a request parameter means, for the generated OpenAPI document: the Java signature gives its name and type,
 * this gives its meaning, allowed values and default in words.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD })
public @interface Described {

    /** @return one or two sentences for API consumers */
    String value();
}
