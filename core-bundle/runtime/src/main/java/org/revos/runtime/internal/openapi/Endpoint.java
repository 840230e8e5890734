package org.revos.runtime.internal.openapi;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import org.revos.kernel.spi.rest.Access;

/**
 * One HTTP method on one path, as a resource method declares it.
 *
 * @param resource     the resource it belongs to
 * @param resourcePath the resource class's path (normalized, leading slash)
 * @param access       who may call it, from the resource class's {@link Access} (TENANT without)
 * @param httpMethod   GET, POST, ... as the method's annotation says
 * @param path         the full path under the application base, templates without their regular expressions
 * @param patterns     the regular expressions of path templates that had one, by template name
 * @param method       the Java method carrying the Jakarta REST annotations (possibly inherited)
 * @param operationId  a name for the operation, unique within the resource
 * @param params       path, query, header, cookie and form parameters
 * @param body         the entity parameter's type, or {@code null}
 * @param consumes     the media types of the body
 * @param produces     the media types of the answer
 * @param returns      the type of the answer's entity; {@code void} for none; {@code Response} when unknown
 */
record Endpoint(DiscoveredResource resource, String resourcePath, Access.Level access, String httpMethod,
        String path, Map<String, String> patterns, Method method, String operationId, List<Param> params, Type body,
        List<String> consumes, List<String> produces, Type returns) {

    Endpoint {
        patterns = Map.copyOf(patterns);
        params = List.copyOf(params);
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
    }

    boolean isRead() {
        return httpMethod.equals("GET") || httpMethod.equals("HEAD") || httpMethod.equals("OPTIONS");
    }
}
