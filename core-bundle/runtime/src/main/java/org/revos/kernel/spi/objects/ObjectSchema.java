package org.revos.kernel.spi.objects;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.TenantRow;

/**
 * A collection of tenant objects: its names, entity, id prefix, fields and rules.
 *
 * @param name       singular name used in messages ({@code account})
 * @param path       collection path under {@code /api/v1} ({@code accounts})
 * @param appendOnly whether objects, once written, never change (revenue events)
 */
public record ObjectSchema<E extends TenantRow>(String name, String path, ObjectType type, Class<E> entityClass,
        String idPrefix, Supplier<E> factory, List<Field<E>> fields, ObjectRules<E> rules, boolean appendOnly) {

    public ObjectSchema {
        fields = List.copyOf(fields);
    }

    public Optional<Field<E>> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** @return the name with its indefinite article: "an account", "a deal" */
    public String withArticle() {
        boolean vowelSound = "aeio".indexOf(name.charAt(0)) >= 0; // "a user": u sounds like "you" in our names
        return (vowelSound ? "an " : "a ") + name;
    }

    /** @return the JPQL entity name */
    public String entityName() {
        return entityClass.getSimpleName();
    }
}
