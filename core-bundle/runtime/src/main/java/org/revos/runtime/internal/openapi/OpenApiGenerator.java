package org.revos.runtime.internal.openapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.objects.Catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the OpenAPI 3.1 document of a set of resource classes. Paths are relative to the one server,
 * {@code /api/v1}; every operation needs a bearer key unless its resource is public. The same resources always give
 * the same document.
 */
public final class OpenApiGenerator {

    public static final String OPENAPI = "3.1.0";
    public static final String SERVER = "/api/v1";

    /** Path item members in the order OpenAPI lists them; other HTTP methods cannot be described. */
    private static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH",
            "TRACE");
    private static final Logger LOG = Logger.getLogger(OpenApiGenerator.class.getName());

    private OpenApiGenerator() {
    }

    /**
     * @param version   the API's version, shown as {@code info.version}
     * @param resources the resource classes the application serves
     */
    public static ObjectNode generate(String version, Collection<DiscoveredResource> resources) {
        Components components = new Components();
        Problems.register(components);
        Conventions.register(components);
        CollectionSchemas collections = new CollectionSchemas(components);
        Operations operations = new Operations(new TypeSchemas(components), collections, components);

        List<Endpoint> endpoints = endpoints(resources);
        Map<Class<?>, Optional<ObjectSchema<?>>> collectionOf = new HashMap<>();
        for (Endpoint e : endpoints) {
            collectionOf.computeIfAbsent(e.resource().type(),
                    t -> CollectionOperations.schemaOf(t, e.resourcePath()));
        }
        // Collections first, in catalog order, so they keep their plain schema names.
        Catalog.all().stream().filter(s -> collectionOf.values().contains(Optional.of(s))).forEach(collections::register);

        Map<String, ObjectNode> paths = new TreeMap<>();
        Map<String, String> pathOfShape = new HashMap<>();
        Map<String, ObjectNode> tags = new TreeMap<>();
        Set<String> operationIds = new HashSet<>();
        for (Endpoint e : endpoints) {
            String shape = PathTemplate.ROOT.append(e.path()).shape();
            String path = pathOfShape.computeIfAbsent(shape, s -> e.path());
            ObjectNode item = paths.computeIfAbsent(path, p -> Schemas.object());
            String method = e.httpMethod().toLowerCase(Locale.ROOT);
            if (!path.equals(e.path()) || item.has(method)) {
                LOG.warning(() -> e.httpMethod() + " " + e.path() + " of " + e.resource().type().getName()
                        + " is served by another resource already; it is left out of the OpenAPI document");
                continue;
            }
            Optional<ObjectSchema<?>> collection = collectionOf.get(e.resource().type());
            String tag = tag(e, collection, tags);
            ObjectNode operation = operations.build(e, tag, collection);
            operation.put("operationId", unique(operationIds, e.operationId()));
            item.set(method, operation);
        }

        ObjectNode document = Schemas.object().put("openapi", OPENAPI);
        document.putObject("info").put("title", "RevOS API").put("version", version).put("description",
                "The REST API of this RevOS installation, generated from the resources it serves now: the core "
                        + "and the installed plugins. Every call needs an API key as a bearer token, except GET "
                        + "/health. Errors are RFC 9457 problem documents; lists are paged with a cursor.");
        document.putArray("servers").addObject().put("url", SERVER);
        document.putArray("security").addObject().putArray(Conventions.BEARER);
        ArrayNode tagList = document.putArray("tags");
        tags.values().forEach(tagList::add);
        ObjectNode pathsNode = document.putObject("paths");
        paths.forEach((path, item) -> {
            if (!item.isEmpty()) {
                pathsNode.set(path, item);
            }
        });
        document.set("components", components.finish());
        return document;
    }

    /** @return every describable endpoint, in path and method order */
    private static List<Endpoint> endpoints(Collection<DiscoveredResource> resources) {
        List<DiscoveredResource> sorted = new ArrayList<>(resources);
        sorted.sort(Comparator.comparing((DiscoveredResource r) -> r.plugin() == null ? "" : r.plugin())
                .thenComparing(r -> r.type().getName()));
        List<Endpoint> endpoints = new ArrayList<>();
        for (DiscoveredResource resource : sorted) {
            try {
                ResourceMethods.of(resource).stream().filter(e -> METHODS.contains(e.httpMethod()))
                        .forEach(endpoints::add);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Cannot describe " + resource.type().getName() + " in the OpenAPI document", e);
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(e -> METHODS.indexOf(e.httpMethod())));
        return endpoints;
    }

    private static String tag(Endpoint e, Optional<ObjectSchema<?>> collection, Map<String, ObjectNode> tags) {
        String plugin = e.resource().plugin();
        String name = plugin != null ? plugin
                : collection.map(ObjectSchema::path).orElseGet(() -> PathTemplate.lastLiteral(e.resourcePath()));
        tags.computeIfAbsent(name, n -> {
            ObjectNode tag = Schemas.object().put("name", n);
            if (plugin != null) {
                tag.put("description", "Provided by the plugin " + plugin);
            } else if (collection.isPresent()) {
                ObjectSchema<?> s = collection.get();
                tag.put("description", "The tenant's " + s.path() + (s.appendOnly()
                        ? "; append-only: corrections are new " + s.path() : ""));
            }
            return tag;
        });
        return name;
    }

    private static String unique(Set<String> ids, String wanted) {
        String id = wanted;
        for (int i = 2; !ids.add(id); i++) {
            id = wanted + i;
        }
        return id;
    }
}
