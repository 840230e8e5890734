package org.revos.runtime.internal.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.Described;
import org.revos.kernel.spi.rest.SchemaFrom;

/**
 * Reads a resource class's endpoints from its Jakarta REST annotations: the class's {@code @Path}, each public
 * method's HTTP method and {@code @Path} (annotations inherited from superclasses and interfaces as Jakarta REST
 * §3.6 says), parameters, {@code @Consumes} and {@code @Produces}, and sub-resource locators.
 */
final class ResourceMethods {

    private static final int MAX_LOCATOR_DEPTH = 4;
    private static final String JAKARTA_RS = "jakarta.ws.rs";

    private ResourceMethods() {
    }

    /** @return the endpoints of a root resource class; none when the class has no {@code @Path} */
    static List<Endpoint> of(DiscoveredResource resource) {
        Path root = classAnnotation(resource.type(), Path.class);
        if (root == null) {
            return List.of();
        }
        PathTemplate base = PathTemplate.ROOT.append(root.value());
        List<Endpoint> out = new ArrayList<>();
        String name = Schemas.lowerFirst(resource.type().getSimpleName().replaceFirst("Resource$", ""));
        collect(resource, resource.type(), base, base, List.of(), name, out, new HashSet<>(), 0);
        return out;
    }

    private static void collect(DiscoveredResource resource, Class<?> type, PathTemplate resourcePath,
            PathTemplate base, List<Param> inherited, String idPrefix, List<Endpoint> out, Set<Class<?>> visiting,
            int depth) {
        visiting.add(type);
        Access access = type.getAnnotation(Access.class);
        Access.Level level = access == null ? Access.Level.TENANT : access.value();
        Set<String> ids = new HashSet<>();
        for (Method candidate : publicMethods(type)) {
            Method method = annotated(candidate);
            if (method == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            PathTemplate path = sub == null ? base : base.append(sub.value());
            List<Param> params = new ArrayList<>(inherited);
            Type body = parameters(method, params);
            String operationId = unique(ids, method.getName().equalsIgnoreCase(idPrefix) ? idPrefix
                    : idPrefix + Schemas.upperFirst(method.getName()));
            String http = httpMethod(method);
            if (http != null) {
                Type returns = isAsync(method) ? Response.class : method.getGenericReturnType();
                Access narrowed = method.getAnnotation(Access.class);
                Access.Level methodLevel = narrowed == null ? level : narrowed.value();
                out.add(new Endpoint(resource, resourcePath.path(), methodLevel, http, path.path(), path.patterns(),
                        method, operationId, params, body, mediaTypes(method, type, Consumes.class),
                        mediaTypes(method, type, Produces.class), returns));
            } else if (sub != null && depth < MAX_LOCATOR_DEPTH && !visiting.contains(method.getReturnType())
                    && method.getReturnType() != Object.class && !method.getReturnType().isPrimitive()) {
                collect(resource, method.getReturnType(), resourcePath, path, params, operationId, out, visiting,
                        depth + 1);
            }
        }
        visiting.remove(type);
    }

    /** Adds the method's request parameters to {@code params}; @return the entity parameter's type, or null */
    private static Type parameters(Method method, List<Param> params) {
        Type body = null;
        Annotation[][] annotations = method.getParameterAnnotations();
        Type[] types = method.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (!addParam(annotations[i], types[i], method.getDeclaringClass(), params)
                    && Arrays.stream(annotations[i]).noneMatch(ResourceMethods::isJakartaRs)) {
                body = types[i];
            }
        }
        return body;
    }

    /** @return whether the annotations made this a named request parameter (or a bean of them) */
    private static boolean addParam(Annotation[] annotations, Type type, Class<?> declaring, List<Param> params) {
        String defaultValue = null;
        String description = null;
        String schemaFrom = null;
        for (Annotation a : annotations) {
            if (a instanceof DefaultValue d) {
                defaultValue = d.value();
            } else if (a instanceof Described d) {
                description = d.value();
            } else if (a instanceof SchemaFrom s) {
                schemaFrom = s.value();
            }
        }
        for (Annotation a : annotations) {
            Param param = null;
            if (a instanceof PathParam p) {
                param = new Param("path", p.value(), type, declaring, null, description, schemaFrom);
            } else if (a instanceof QueryParam q) {
                param = new Param("query", q.value(), type, declaring, defaultValue, description, schemaFrom);
            } else if (a instanceof HeaderParam h) {
                param = new Param("header", h.value(), type, declaring, defaultValue, description, schemaFrom);
            } else if (a instanceof CookieParam c) {
                param = new Param("cookie", c.value(), type, declaring, defaultValue, description, schemaFrom);
            } else if (a instanceof FormParam f) {
                param = new Param("form", f.value(), type, declaring, defaultValue, description, schemaFrom);
            } else if (a instanceof BeanParam && type instanceof Class<?> bean) {
                beanParams(bean, params);
                return true;
            }
            if (param != null) {
                Param added = param;
                if (params.stream().noneMatch(p -> p.in().equals(added.in()) && p.name().equals(added.name()))) {
                    params.add(added);
                }
                return true;
            }
        }
        return false;
    }

    /** The fields and setters of a {@code @BeanParam} class that carry parameter annotations. */
    private static void beanParams(Class<?> bean, List<Param> params) {
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : sorted(c.getDeclaredFields(), Field::getName)) {
                addParam(field.getAnnotations(), field.getGenericType(), c, params);
            }
            for (Method setter : sorted(c.getDeclaredMethods(), Method::getName)) {
                if (setter.getParameterCount() == 1) {
                    addParam(setter.getAnnotations(), setter.getGenericParameterTypes()[0], c, params);
                }
            }
        }
    }

    /**
     * @return the method that carries the Jakarta REST annotations for {@code method}: itself, or the nearest method
     *         it overrides or implements that has some; {@code null} when none has
     */
    static Method annotated(Method method) {
        if (method.isBridge() || method.isSynthetic() || Modifier.isStatic(method.getModifiers())) {
            return null;
        }
        if (hasJakartaRs(method)) {
            return method;
        }
        Deque<Class<?>> types = new ArrayDeque<>();
        types.add(method.getDeclaringClass());
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(Arrays.asList(type.getInterfaces()));
            if (type == method.getDeclaringClass()) {
                continue;
            }
            try {
                Method inherited = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (hasJakartaRs(inherited)) {
                    return inherited;
                }
            } catch (NoSuchMethodException e) {
                // not declared at this level
            }
        }
        return null;
    }

    private static boolean hasJakartaRs(Method method) {
        if (Arrays.stream(method.getAnnotations()).anyMatch(ResourceMethods::isJakartaRs)) {
            return true;
        }
        return Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                .anyMatch(ResourceMethods::isJakartaRs);
    }

    private static boolean isJakartaRs(Annotation a) {
        Class<? extends Annotation> type = a.annotationType();
        return type.getPackageName().startsWith(JAKARTA_RS) || type.isAnnotationPresent(HttpMethod.class);
    }

    /** @return the HTTP method of a resource method, or {@code null} for sub-resource locators */
    static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static boolean isAsync(Method method) {
        return Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                .anyMatch(a -> a instanceof Suspended);
    }

    /** @return the method's media types, else its class's (inherited), else the declaring type's, else JSON */
    private static List<String> mediaTypes(Method method, Class<?> type, Class<? extends Annotation> kind) {
        for (AnnotatedElement source : List.of(method, type, method.getDeclaringClass())) {
            Annotation a = source.getAnnotation(kind);
            if (a != null) {
                String[] values = a instanceof Produces p ? p.value() : ((Consumes) a).value();
                List<String> types = Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(",")))
                        .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
                if (!types.isEmpty()) {
                    return types;
                }
            }
        }
        return List.of(MediaType.APPLICATION_JSON);
    }

    /** @return {@code @Path}-like class annotations of the class or, as Jersey reads them, its nearest supertype */
    private static <A extends Annotation> A classAnnotation(Class<?> type, Class<A> kind) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            A a = c.getAnnotation(kind);
            if (a != null) {
                return a;
            }
            for (Class<?> i : c.getInterfaces()) {
                a = i.getAnnotation(kind);
                if (a != null) {
                    return a;
                }
            }
        }
        return null;
    }

    private static List<Method> publicMethods(Class<?> type) {
        return sorted(type.getMethods(), m -> m.getName() + Arrays.toString(m.getParameterTypes()));
    }

    private static <T> List<T> sorted(T[] items, Function<T, String> key) {
        return Arrays.stream(items).sorted(Comparator.comparing(key)).toList();
    }

    private static String unique(Set<String> ids, String wanted) {
        String id = wanted;
        for (int i = 2; !ids.add(id); i++) {
            id = wanted + i;
        }
        return id;
    }
}
