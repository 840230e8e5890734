package org.revos.api.model;

import java.util.List;

/**
 * A custom field on an object type.
 *
 * @param type             {@code STRING}, {@code NUMBER}, {@code BOOLEAN}, {@code DATE} or {@code ENUM}
 * @param options          allowed values for {@code ENUM}
 * @param requiredInStages stage ids whose entry requires this property
 * @param ownerPlugin      symbolic name of the plugin that defined it, {@code null} when an admin did
 * @param description      what the property means, for the people who fill it in; {@code null} when unwritten
 * @param documentationUrl where its definition is documented (an http or https URL); {@code null} when none
 */
public record PropertyDefinition(ObjectType objectType, String key, String type, List<String> options,
        List<String> requiredInStages, String ownerPlugin, String description, String documentationUrl) {
    public PropertyDefinition {
        options = options == null ? List.of() : List.copyOf(options);
        requiredInStages = requiredInStages == null ? List.of() : List.copyOf(requiredInStages);
    }

    /** A definition without description or documentation link. */
    public PropertyDefinition(ObjectType objectType, String key, String type, List<String> options,
            List<String> requiredInStages, String ownerPlugin) {
        this(objectType, key, type, options, requiredInStages, ownerPlugin, null, null);
    }
}
