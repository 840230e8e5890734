package org.revos.runtime.internal.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.Listing;
import org.revos.kernel.spi.rest.QueryFrom;
import org.revos.kernel.spi.rest.ResponseStatus;
import org.revos.kernel.spi.rest.SchemaFrom;
import org.revos.runtime.internal.rest.Idempotency;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the OpenAPI operation of one endpoint: parameters, request body, the success response from the Java return
 * type (or {@link ResponseStatus}), the problem responses the access rules and the request's shape make possible,
 * and its security.
 */
final class Operations {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;
    private static final List<String> MEMBER_ORDER = List.of("tags", "summary", "description", "operationId",
            "parameters", "requestBody", "responses", "security");

    private final TypeSchemas types;
    private final CollectionSchemas collections;
    private final Components components;

    Operations(TypeSchemas types, CollectionSchemas collections, Components components) {
        this.types = types;
        this.collections = collections;
        this.components = components;
    }

    ObjectNode build(Endpoint endpoint, String tag, Optional<ObjectSchema<?>> collection) {
        ObjectNode operation = Schemas.object();
        operation.putArray("tags").add(tag);
        operation.put("operationId", endpoint.operationId());
        operation.put("description", AccessText.of(endpoint));
        ArrayNode parameters = operation.putArray("parameters");
        ObjectNode form = Schemas.freeObject();
        for (Param param : endpoint.params()) {
            if (param.in().equals("form")) {
                form.withObjectProperty("properties").set(param.name(), paramSchema(endpoint, param));
            } else {
                parameters.add(parameter(endpoint, param));
            }
        }
        Listing listing = endpoint.method().getAnnotation(Listing.class);
        if (listing != null) {
            listingParameters(listing, endpoint.method().getDeclaringClass(), parameters);
        }
        QueryFrom query = endpoint.method().getAnnotation(QueryFrom.class);
        if (query != null) {
            declaredParameters(DeclaredSchemas.of(endpoint.method().getDeclaringClass(), query.value()), parameters);
        }
        requestBody(endpoint, form).ifPresent(body -> operation.set("requestBody", body));
        ObjectNode responses = operation.putObject("responses");
        success(endpoint, listing, responses, hasIdempotencyKey(parameters));
        if (collection.isPresent() && CollectionOperations.declares(endpoint)) {
            CollectionOperations.refine(operation, endpoint, collection.get(), collections);
        }
        problems(endpoint, operation);
        if (parameters.isEmpty()) {
            operation.remove("parameters");
        }
        if (endpoint.access() == Access.Level.PUBLIC) {
            operation.putArray("security");
        }
        operation.put("x-revos-access", endpoint.access().name());
        if (endpoint.resource().plugin() != null) {
            operation.put("x-revos-plugin", endpoint.resource().plugin());
        }
        return ordered(operation);
    }

    /** @return the operation with its members in the order readers expect, summary first */
    private static ObjectNode ordered(ObjectNode operation) {
        ObjectNode ordered = Schemas.object();
        for (String member : MEMBER_ORDER) {
            if (operation.has(member)) {
                ordered.set(member, operation.get(member));
            }
        }
        operation.fields().forEachRemaining(m -> {
            if (!ordered.has(m.getKey())) {
                ordered.set(m.getKey(), m.getValue());
            }
        });
        return ordered;
    }

    private ObjectNode parameter(Endpoint endpoint, Param param) {
        if (param.in().equals("header") && param.name().equalsIgnoreCase(Idempotency.HEADER)) {
            return Schemas.ref("parameters", Conventions.IDEMPOTENCY_KEY);
        }
        ObjectNode parameter = Schemas.object().put("name", param.name()).put("in", param.in())
                .put("required", param.in().equals("path"));
        if (param.description() != null) {
            parameter.put("description", param.description());
        }
        parameter.set("schema", paramSchema(endpoint, param));
        return parameter;
    }

    private ObjectNode paramSchema(Endpoint endpoint, Param param) {
        ObjectNode schema = param.schemaFrom() != null ? DeclaredSchemas.of(param.declaring(), param.schemaFrom())
                : types.schema(resolve(endpoint, param.type(), param.declaring()));
        String pattern = param.in().equals("path") ? endpoint.patterns().get(param.name()) : null;
        if (pattern != null) {
            // an alternation (leads|deals) is grouped, so the anchors hold for every alternative
            schema.put("pattern", pattern.contains("|") ? "^(" + pattern + ")$" : "^" + pattern + "$");
        }
        if (param.defaultValue() != null) {
            schema.set("default", defaultValue(schema, param.defaultValue()));
        }
        return schema;
    }

    private static JsonNode defaultValue(ObjectNode schema, String text) {
        try {
            return switch (schema.path("type").asText()) {
                case "integer", "number" -> Schemas.NODES.numberNode(new BigDecimal(text));
                case "boolean" -> Schemas.NODES.booleanNode(Boolean.parseBoolean(text));
                default -> Schemas.NODES.textNode(text);
            };
        } catch (NumberFormatException e) {
            return Schemas.NODES.textNode(text);
        }
    }

    /** Adds the query parameters a {@link QueryFrom} method states, {@code name: {required, description, schema}}. */
    private static void declaredParameters(ObjectNode declared, ArrayNode parameters) {
        declared.fields().forEachRemaining(e -> {
            ObjectNode parameter = Schemas.object().put("name", e.getKey()).put("in", "query")
                    .put("required", e.getValue().path("required").asBoolean(false));
            if (e.getValue().has("description")) {
                parameter.put("description", e.getValue().get("description").asText());
            }
            parameter.set("schema", e.getValue().has("schema") ? e.getValue().get("schema")
                    : Schemas.type("string"));
            parameters.add(parameter);
        });
    }

    private static void listingParameters(Listing listing, Class<?> declaring, ArrayNode parameters) {
        if (listing.paged()) {
            parameters.add(Schemas.ref("parameters", Conventions.LIMIT));
            parameters.add(Schemas.ref("parameters", Conventions.CURSOR));
        }
        ObjectNode schemas = listing.filterSchemas().isEmpty() ? Schemas.object()
                : DeclaredSchemas.of(declaring, listing.filterSchemas());
        for (String filter : listing.filters()) {
            ObjectNode parameter = Schemas.object().put("name", filter).put("in", "query").put("required", false)
                    .put("description", "Only items whose " + filter + " equals this value");
            parameter.set("schema", schemas.has(filter) ? schemas.get(filter) : Schemas.type("string"));
            parameters.add(parameter);
        }
    }

    private Optional<ObjectNode> requestBody(Endpoint endpoint, ObjectNode form) {
        List<String> mediaTypes = endpoint.consumes();
        ObjectNode schema;
        SchemaFrom declared = endpoint.method().getAnnotation(SchemaFrom.class);
        if (endpoint.body() != null && declared != null) {
            schema = declaredBody(endpoint.method().getDeclaringClass(), declared);
        } else if (endpoint.body() != null) {
            schema = types.schema(resolve(endpoint, endpoint.body(), endpoint.method().getDeclaringClass()));
        } else if (form.has("properties")) {
            schema = form;
            mediaTypes = mediaTypes.stream().anyMatch(t -> t.startsWith("multipart/") || t.equals(FORM)) ? mediaTypes
                    : List.of(FORM);
        } else {
            return Optional.empty();
        }
        ObjectNode body = Schemas.object().put("required", endpoint.body() != null);
        ObjectNode content = body.putObject("content");
        for (String mediaType : mediaTypes) {
            content.putObject(mediaType).set("schema", schema.deepCopy());
        }
        return Optional.of(body);
    }

    /** @return the body schema a resource states, listed under its name in the components when it has one */
    private ObjectNode declaredBody(Class<?> declaring, SchemaFrom declared) {
        ObjectNode schema = DeclaredSchemas.of(declaring, declared.value());
        if (declared.name().isEmpty()) {
            return schema;
        }
        String owner = declaring.getName() + "#" + declared.value();
        String name = components.nameOf(owner).orElse(null);
        if (name == null) {
            name = components.name(owner, declared.name(), declaring.getSimpleName() + declared.name());
            components.putSchema(name, schema);
        }
        return Schemas.schemaRef(name);
    }

    private void success(Endpoint endpoint, Listing listing, ObjectNode responses, boolean idempotent) {
        JavaType returns = resolve(endpoint, endpoint.returns(), endpoint.method().getDeclaringClass());
        if (CompletionStage.class.isAssignableFrom(returns.getRawClass())) {
            returns = returns.containedTypeOrUnknown(0);
        }
        Class<?> raw = returns.getRawClass();
        boolean unknown = Response.class.isAssignableFrom(raw);
        boolean empty = raw == void.class || raw == Void.class;
        ResponseStatus declared = endpoint.method().getAnnotation(ResponseStatus.class);
        String status = declared != null ? Integer.toString(declared.value()) : unknown ? "2XX" : empty ? "204" : "200";
        ObjectNode response = responses.putObject(status).put("description", describe(status));
        if (!empty && !status.equals("204")) {
            ObjectNode schema = listing != null ? Schemas.schemaRef(Conventions.PAGE)
                    : unknown ? Schemas.object() : types.schema(returns);
            ObjectNode content = response.putObject("content");
            for (String mediaType : endpoint.produces()) {
                content.putObject(mediaType).set("schema", schema.deepCopy());
            }
        }
        if (status.equals("201")) {
            response.withObjectProperty("headers").set(Conventions.LOCATION, Schemas.ref("headers",
                    Conventions.LOCATION));
        }
        if (idempotent) {
            response.withObjectProperty("headers").set(Conventions.REPLAYED, Schemas.ref("headers",
                    Conventions.REPLAYED));
        }
    }

    private static String describe(String status) {
        return switch (status) {
            case "200" -> "OK";
            case "201" -> "Created";
            case "204" -> "No content";
            case "2XX" -> "Success; the status and body are decided at run time";
            default -> "Success";
        };
    }

    /** Adds the problem responses this endpoint can answer, and the default one. */
    private static void problems(Endpoint endpoint, ObjectNode operation) {
        ObjectNode responses = (ObjectNode) operation.get("responses");
        boolean input = operation.has("requestBody");
        for (JsonNode parameter : operation.path("parameters")) {
            input |= !parameter.path("in").asText().equals("path");
        }
        Access.Level access = endpoint.access();
        boolean keyed = access != Access.Level.PUBLIC;
        addIf(responses, 400, input);
        addIf(responses, 401, keyed);
        addIf(responses, 403, keyed && access != Access.Level.AUTHENTICATED);
        addIf(responses, 404, endpoint.path().contains("{") || endpoint.resource().plugin() != null);
        addIf(responses, 409, keyed && !endpoint.isRead());
        responses.set("default", Schemas.ref("responses", Problems.DEFAULT));
    }

    private static void addIf(ObjectNode responses, int status, boolean condition) {
        if (condition) {
            responses.set(Integer.toString(status), Problems.ref(status));
        }
    }

    private static boolean hasIdempotencyKey(ArrayNode parameters) {
        for (JsonNode parameter : parameters) {
            if (parameter.path("$ref").asText().endsWith("/" + Conventions.IDEMPOTENCY_KEY)) {
                return true;
            }
        }
        return false;
    }

    private static JavaType resolve(Endpoint endpoint, java.lang.reflect.Type type, Class<?> declaring) {
        return TypeSchemas.resolve(type, declaring, endpoint.resource().type());
    }
}
