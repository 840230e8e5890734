package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A custom field of an object type: its key, value type, allowed options, the stages that require it and the plugin
 * that defined it ({@code null} when an admin did). Lists are stored as JSON arrays.
 */
@Entity
@Table(name = "PROPERTY_DEFINITIONS", uniqueConstraints = {
        @UniqueConstraint(name = "UQ_PROPDEF_KEY", columnNames = { "TENANT_ID", "OBJECTTYPE", "PROPERTYKEY" }),
        @UniqueConstraint(name = "UQ_PROPDEF_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }) })
public class PropertyDefinitionEntity extends TenantRow {
    @Column(length = 20, nullable = false)
    public String objectType;
    @Column(length = 64, nullable = false)
    public String propertyKey;
    @Column(length = 20, nullable = false)
    public String type;
    @Column(length = 4000)
    public String options;
    @Column(length = 4000)
    public String requiredInStages;
    @Column(length = 255)
    public String ownerPlugin;
    @Column(length = 1000)
    public String description;
    @Column(length = 1000)
    public String documentationUrl;
    /** When a write last set this property on any object, {@code null} if never. */
    public Long lastWrittenAt;
}
