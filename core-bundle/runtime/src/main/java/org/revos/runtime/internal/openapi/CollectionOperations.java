package org.revos.runtime.internal.openapi;

import java.util.Iterator;
import java.util.Optional;

import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.CollectionResource;
import org.revos.kernel.spi.rest.MutableCollectionResource;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sharpens the operations that {@link CollectionResource} and {@link MutableCollectionResource} declare (their Java
 * signatures speak of {@code JsonNode}) with the collection's {@link ObjectSchema}: the object, creation and patch
 * schemas, the list's page and its filters.
 */
final class CollectionOperations {

    private CollectionOperations() {
    }

    /** @return the collection a resource class serves, when it is a core collection resource */
    static Optional<ObjectSchema<?>> schemaOf(Class<?> type, String resourcePath) {
        if (!CollectionResource.class.isAssignableFrom(type)) {
            return Optional.empty();
        }
        return Catalog.all().stream().filter(s -> ("/" + s.path()).equals(resourcePath)).findFirst();
    }

    /** @return whether the collection base classes declare the endpoint's method */
    static boolean declares(Endpoint endpoint) {
        Class<?> declaring = endpoint.method().getDeclaringClass();
        return declaring == CollectionResource.class || declaring == MutableCollectionResource.class;
    }

    static void refine(ObjectNode operation, Endpoint endpoint, ObjectSchema<?> schema, CollectionSchemas names) {
        String object = names.register(schema);
        String one = schema.name();
        switch (endpoint.method().getName()) {
            case "list" -> {
                operation.put("summary", "List " + schema.path());
                operation.put("description", "In creation order, " + Conventions.LIMIT + " at a time; the filters "
                        + "match by equality and combine with AND. " + operation.path("description").asText());
                ArrayNode parameters = operation.withArrayProperty("parameters");
                parameters.add(Schemas.ref("parameters", Conventions.LIMIT));
                parameters.add(Schemas.ref("parameters", Conventions.CURSOR));
                parameters.add(filter("externalId", ObjectEngine.EXTERNAL_ID.schema()));
                for (Field<?> field : schema.fields()) {
                    if (field.isFilterable()) {
                        parameters.add(filter(field.name(), CollectionSchemas.filterSchema(field)));
                    }
                }
                setSchemas(operation.path("responses").path("200"), Schemas.schemaRef(names.listName(schema)));
            }
            case "get" -> {
                operation.put("summary", "Read " + one);
                setSchemas(operation.path("responses").path("200"), Schemas.schemaRef(object));
            }
            case "create" -> {
                operation.put("summary", "Create " + one);
                setSchemas(operation.path("requestBody"), Schemas.schemaRef(names.createName(schema)));
                setSchemas(operation.path("responses").path("201"), Schemas.schemaRef(object));
            }
            case "patch" -> {
                operation.put("summary", "Change " + one + " (JSON merge patch)");
                setSchemas(operation.path("requestBody"), Schemas.schemaRef(names.patchName(schema)));
                setSchemas(operation.path("responses").path("200"), Schemas.schemaRef(object));
            }
            case "delete" -> {
                operation.put("summary", "Delete " + one);
                operation.put("description", "Refused with 409 while other objects refer to it. "
                        + operation.path("description").asText());
            }
            default -> {
                return;
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path") && parameter.path("name").asText().equals("id")) {
                ((ObjectNode) parameter).put("description", "The " + schema.name() + "'s id");
            }
        }
    }

    private static ObjectNode filter(String name, ObjectNode schema) {
        ObjectNode parameter = Schemas.object().put("name", name).put("in", "query").put("required", false)
                .put("description", "Only objects whose " + name + " equals this value");
        parameter.set("schema", schema);
        return parameter;
    }

    /** Sets the schema of every media type of a request body or response. */
    private static void setSchemas(JsonNode holder, ObjectNode schema) {
        for (Iterator<JsonNode> media = holder.path("content").elements(); media.hasNext();) {
            ((ObjectNode) media.next()).set("schema", schema.deepCopy());
        }
    }
}
