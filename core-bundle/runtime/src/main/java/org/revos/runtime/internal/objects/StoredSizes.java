package org.revos.runtime.internal.objects;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Lob;
import jakarta.persistence.Transient;

import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.ObjectSchema;

/**
 * Refuses values the database cannot hold before anything is written: text longer than its column (custom
 * properties and other JSON once serialised included) and decimals with more digits than the column's precision.
 * The limits are read from the entity's own {@link Column} annotations, so they cannot drift from the schema.
 */
final class StoredSizes {

    /** JPA's length of a text column that does not say. */
    static final int DEFAULT_LENGTH = 255;

    /** What one attribute of an entity can hold. */
    record Limit(java.lang.reflect.Field attribute, int length, int precision, int scale) {

        /** @return why {@code value} does not fit, or {@code null} when it does */
        String misfit(Object value) {
            if (value instanceof String text && text.length() > length) {
                return "is " + text.length() + " characters long once stored; at most " + length + " fit";
            }
            if (value instanceof BigDecimal number && precision > 0) {
                int whole = precision - scale;
                if (number.precision() - number.scale() > whole) {
                    return "must be less than 1" + "0".repeat(whole) + " (at most " + whole
                            + " digits before the decimal point)";
                }
                if (number.stripTrailingZeros().scale() > scale) {
                    return "must have at most " + scale + " decimals";
                }
            }
            return null;
        }
    }

    private static final ClassValue<List<Limit>> LIMITS = new ClassValue<>() {
        @Override
        protected List<Limit> computeValue(Class<?> type) {
            List<Limit> limits = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    Limit limit = limit(f);
                    if (limit != null) {
                        limits.add(limit);
                    }
                }
            }
            return List.copyOf(limits);
        }
    };

    private StoredSizes() {
    }

    /**
     * Adds a violation for every value of {@code entity} that its column cannot hold, named by the API field that
     * writes it (a field named as the attribute, or the one whose name starts it: {@code scope} for
     * {@code scopeTeam}). Fields already refused are not named twice.
     */
    static <E extends TenantRow> void check(ObjectSchema<E> schema, E entity, Violations v) {
        for (Limit limit : limits(entity.getClass())) {
            String misfit = limit.misfit(value(limit, entity));
            String field = fieldOf(schema, limit.attribute().getName());
            if (misfit != null && !v.has(field)) {
                v.add(field, misfit);
            }
        }
    }

    static List<Limit> limits(Class<?> entityClass) {
        return LIMITS.get(entityClass);
    }

    private static Limit limit(java.lang.reflect.Field f) {
        if (Modifier.isStatic(f.getModifiers()) || f.isAnnotationPresent(Transient.class)
                || f.isAnnotationPresent(Lob.class)) {
            return null;
        }
        Column column = f.getAnnotation(Column.class);
        if (f.getType() == String.class) {
            return new Limit(f, column == null ? DEFAULT_LENGTH : column.length(), 0, 0);
        }
        if (f.getType() == BigDecimal.class && column != null && column.precision() > 0) {
            return new Limit(f, 0, column.precision(), column.scale());
        }
        return null;
    }

    private static Object value(Limit limit, Object entity) {
        try {
            return limit.attribute().get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Entity attributes are public: " + limit.attribute(), e);
        }
    }

    private static String fieldOf(ObjectSchema<?> schema, String attribute) {
        return schema.fields().stream().map(Field::name).filter(attribute::equals).findFirst()
                .or(() -> schema.fields().stream().map(Field::name).filter(attribute::startsWith).findFirst())
                .orElse(attribute);
    }
}
