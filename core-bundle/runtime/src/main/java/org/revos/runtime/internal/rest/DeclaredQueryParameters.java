package org.revos.runtime.internal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

/**
 * Refuses query parameters an operation does not take, naming each, instead of ignoring them: a client that sends
 * {@code ?limit=10} to an operation that does not page, or misspells a parameter, learns it at once rather than
 * reading an answer it did not ask for. An operation's parameters are its method's {@code @QueryParam}s; a method
 * that reads the whole query itself (it takes {@link UriInfo}: lists with their filters) checks it itself.
 * <p>
 * What a method declares is worked out once per method (reflection on every request cost about 4 % of a GET's CPU)
 * and kept with the method's class ({@link ClassValue}), so a plugin's resource class that is uninstalled takes its
 * entries with it rather than being held here.
 */
@Priority(Priorities.USER)
public final class DeclaredQueryParameters implements ContainerRequestFilter {

    /** per resource method: its declared query parameters, empty when the method reads the whole query itself */
    private static final ClassValue<Map<Method, Optional<Set<String>>>> DECLARED = new ClassValue<>() {
        @Override
        protected Map<Method, Optional<Set<String>>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || request.getUriInfo().getRequestUri().getRawQuery() == null) {
            return;
        }
        Optional<Set<String>> checked = DECLARED.get(method.getDeclaringClass()).computeIfAbsent(method,
                m -> readsWholeQuery(m) ? Optional.empty() : Optional.of(declared(m)));
        if (checked.isEmpty()) {
            return;
        }
        Set<String> sent = request.getUriInfo().getQueryParameters().keySet();
        if (sent.isEmpty()) {
            return;
        }
        Set<String> declared = checked.get();
        List<FieldError> errors = new ArrayList<>();
        for (String name : new TreeSet<>(sent)) {
            if (!declared.contains(name)) {
                errors.add(new FieldError(name, declared.isEmpty()
                        ? "is not a query parameter of this operation, which takes none"
                        : "is not a query parameter of this operation; it takes "
                                + String.join(", ", new TreeSet<>(declared))));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }

    private static boolean readsWholeQuery(Method method) {
        for (Parameter p : method.getParameters()) {
            if (p.getType() == UriInfo.class || p.isAnnotationPresent(BeanParam.class)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> declared(Method method) {
        Set<String> out = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    out.add(q.value());
                }
            }
        }
        return Set.copyOf(out);
    }
}
