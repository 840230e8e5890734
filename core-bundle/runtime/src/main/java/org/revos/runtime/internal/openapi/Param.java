package org.revos.runtime.internal.openapi;

import java.lang.reflect.Type;

/**
 * One request parameter of an endpoint.
 *
 * @param in           {@code path}, {@code query}, {@code header}, {@code cookie} or {@code form}
 * @param name         its name on the wire
 * @param type         its Java type, as declared
 * @param declaring    the class that declares the member holding it, for resolving type variables
 * @param defaultValue its {@code @DefaultValue}, or {@code null}
 * @param description  its {@link org.revos.kernel.spi.rest.Described}, or {@code null}
 * @param schemaFrom   its {@link org.revos.kernel.spi.rest.SchemaFrom} method of {@code declaring}, or
 *                     {@code null}
 */
record Param(String in, String name, Type type, Class<?> declaring, String defaultValue, String description,
        String schemaFrom) {
}
