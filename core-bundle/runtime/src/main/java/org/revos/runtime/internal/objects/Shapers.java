package org.revos.runtime.internal.objects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.objects.ObjectShaper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engines' {@link ObjectShaper}s (whiteboard), which the {@link ObjectEngine} calls inside every creation's
 * transaction before the new object is rendered, highest service ranking first. Kept statically, as
 * {@link WriteHooks} are, since the object engine is called from everywhere a write happens.
 */
@Component(service = Shapers.class, immediate = true)
public final class Shapers {

    private static final RankedServices<ObjectShaper> SHAPERS = new RankedServices<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addShaper(ServiceReference<ObjectShaper> ref, ObjectShaper shaper) {
        SHAPERS.add(ref, shaper);
    }

    void removeShaper(ServiceReference<ObjectShaper> ref) {
        remove(ref);
    }

    public static void add(Object key, int ranking, long order, ObjectShaper shaper) {
        SHAPERS.add(key, ranking, order, shaper);
    }

    public static void remove(Object key) {
        SHAPERS.remove(key);
    }

    /**
     * Takes the fields placed on creation out of {@code fields} (a copy when there are any).
     *
     * @return the fields the object engine writes, and the placed ones by name (null values left out)
     */
    static Split split(ObjectSchema<?> schema, ObjectNode fields) {
        Map<String, JsonNode> placed = new LinkedHashMap<>();
        ObjectNode own = fields;
        for (Field<?> field : schema.fields()) {
            if (field.isPlacedOnCreate() && fields.has(field.name())) {
                if (own == fields) {
                    own = fields.deepCopy();
                }
                JsonNode value = own.remove(field.name());
                if (!value.isNull()) {
                    placed.put(field.name(), value);
                }
            }
        }
        return new Split(own, placed);
    }

    /** A creation's body: the fields the object engine writes and those an engine places. */
    record Split(ObjectNode own, Map<String, JsonNode> placed) {
    }

    /**
     * Calls every shaper; what one throws propagates and rolls the creation back.
     *
     * @throws Problem 409 when the creation named a placed field no shaper took
     */
    static void creating(TenantTransaction tx, ObjectSchema<?> schema, String id, Map<String, JsonNode> placed,
            boolean derivesRecords) {
        if (SHAPERS.isEmpty() && placed.isEmpty()) {
            return;
        }
        Map<String, JsonNode> left = new LinkedHashMap<>(placed);
        ObjectShaper.Creation creation = new ObjectShaper.Creation() {
            @Override
            public ObjectType type() {
                return schema.type();
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public JsonNode take(String field) {
                JsonNode value = placed.get(field);
                left.remove(field);
                return value;
            }

            @Override
            public boolean derivesRecords() {
                return derivesRecords;
            }
        };
        for (ObjectShaper each : SHAPERS) {
            each.creating(tx, creation);
        }
        if (!left.isEmpty()) {
            List<FieldError> errors = left.keySet().stream().map(name -> new FieldError(name, "no running engine"
                    + " places it; " + schema.field(name).map(Field::readOnlyReason).orElse(""))).toList();
            throw Problem.conflict("The " + String.join(" and ", left.keySet()) + " of " + schema.withArticle()
                    + " cannot be placed: the engine that places " + (left.size() == 1 ? "it" : "them")
                    + " is not running", errors);
        }
    }
}
