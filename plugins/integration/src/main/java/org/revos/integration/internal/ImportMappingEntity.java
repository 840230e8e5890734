package org.revos.integration.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/**
 * A tenant's value mappings for one import format (stages, deal types, loss reasons, owners), keyed by the format's
 * name; absent while only the format's defaults apply.
 */
@Entity(name = "ImportMappingEntity")
@Table(name = "IMPORT_MAPPINGS")
public class ImportMappingEntity extends TenantRow {
    /** the mappings document: one object per kind, each source value to its target */
    @Lob
    public String mappingsJson;
}
