package org.revos.kernel.spi.objects;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.revos.api.model.ObjectType;

/**
 * One field of an object: its JSON name and type, whether and when it may be written, and how it maps to the entity.
 *
 * @param <E> the entity type
 */
public final class Field<E> {

    /** When a field may be written through the API. */
    public enum Mode {
        WRITABLE, CREATE_ONLY, READ_ONLY
    }

    private final String name;
    private final FieldType type;
    private final Function<E, Object> get;
    private final BiConsumer<E, Object> set;
    private final Mode mode;
    private final boolean required;
    private final boolean filterable;
    private final ObjectType references;
    private final String readOnlyReason;
    private final boolean placedOnCreate;
    private final String alwaysSet;

    private Field(String name, FieldType type, Function<E, Object> get, BiConsumer<E, Object> set, Mode mode,
            boolean required, boolean filterable, ObjectType references, String readOnlyReason,
            boolean placedOnCreate, String alwaysSet) {
        this.name = name;
        this.type = type;
        this.get = get;
        this.set = set;
        this.mode = mode;
        this.required = required;
        this.filterable = filterable;
        this.references = references;
        this.readOnlyReason = readOnlyReason;
        this.placedOnCreate = placedOnCreate;
        this.alwaysSet = alwaysSet;
    }

    /** A writable, optional field. */
    public static <E> Field<E> of(String name, FieldType type, Function<E, Object> get, BiConsumer<E, Object> set) {
        return new Field<>(name, type, get, set, Mode.WRITABLE, false, false, null, null, false, null);
    }

    /** A field the API shows but never writes. */
    public static <E> Field<E> readOnly(String name, FieldType type, Function<E, Object> get, String reason) {
        return new Field<>(name, type, get, (e, v) -> {
            throw new IllegalStateException(name + " is read-only");
        }, Mode.READ_ONLY, false, false, null, reason, false, null);
    }

    public Field<E> required() {
        return new Field<>(name, type, get, set, mode, true, filterable, references, readOnlyReason, placedOnCreate,
                alwaysSet);
    }

    public Field<E> filterable() {
        return new Field<>(name, type, get, set, mode, required, true, references, readOnlyReason, placedOnCreate,
                alwaysSet);
    }

    /** The field holds the id of an object of {@code target} in the same tenant. */
    public Field<E> references(ObjectType target) {
        return new Field<>(name, type, get, set, mode, required, filterable, target, readOnlyReason, placedOnCreate,
                alwaysSet);
    }

    /**
     * A read-only field that a creation may name nevertheless: the object engine takes it out of the body and hands
     * it to the {@link ObjectShaper}s, one of which applies it through its own rules (a stage through the stage
     * engine); the object engine never writes it. A creation naming it while no shaper takes it is refused (409).
     */
    public Field<E> placedOnCreate() {
        return new Field<>(name, type, get, set, mode, required, filterable, references, readOnlyReason, true,
                alwaysSet);
    }

    /**
     * A read-only field an engine derives (a lead's stage, which the stage engine sets): clients never write it, an
     * engine writes it through {@link ObjectCollections#derive} with {@code set}. Since 1.4.
     */
    public Field<E> derivedBy(BiConsumer<E, Object> set) {
        return new Field<>(name, type, get, set, mode, required, filterable, references, readOnlyReason,
                placedOnCreate, alwaysSet);
    }

    /**
     * @return whether a creation may name this read-only field for an engine to apply ({@link ObjectShaper}); since
     *         1.4
     */
    public boolean isPlacedOnCreate() {
        return placedOnCreate;
    }

    /** @return whether a creation may send this field */
    public boolean isWritableOnCreate() {
        return mode != Mode.READ_ONLY || placedOnCreate;
    }

    /**
     * An optional field that always has a value (a default when a creation leaves it out), so a PATCH cannot clear
     * it with {@code null}.
     *
     * @param hint what to send instead, for the error message ("send 0 for none")
     */
    public Field<E> alwaysSet(String hint) {
        return new Field<>(name, type, get, set, mode, required, filterable, references, readOnlyReason,
                placedOnCreate, hint);
    }

    /** @return whether {@code null} clears the field (optional fields that may be empty) */
    public boolean isClearable() {
        return !required && alwaysSet == null;
    }

    /** @return why a PATCH cannot clear the field, for error messages */
    public String whyNotClearable() {
        return required ? "it is required" : "it always has a value; " + alwaysSet;
    }

    /** The field is set on create and cannot change afterwards. */
    public Field<E> createOnly(String reason) {
        return new Field<>(name, type, get, set, Mode.CREATE_ONLY, required, filterable, references, reason,
                placedOnCreate, alwaysSet);
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public Mode mode() {
        return mode;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isFilterable() {
        return filterable;
    }

    /** @return the object type this field refers to, or {@code null} */
    public ObjectType references() {
        return references;
    }

    /** @return why the field cannot be written (in a mode that forbids it), for error messages */
    public String readOnlyReason() {
        return readOnlyReason;
    }

    public Object get(E entity) {
        return get.apply(entity);
    }

    public void set(E entity, Object value) {
        set.accept(entity, value);
    }
}
