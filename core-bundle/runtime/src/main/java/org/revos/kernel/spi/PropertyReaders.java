package org.revos.kernel.spi;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What of an engine reads a tenant's custom properties, for {@code GET /api/v1/properties/usage}: an engine whose
 * objects name properties (an adoption initiative about a property) registers one as a service.
 */
@ConsumerType
public interface PropertyReaders {

    /**
     * @return per property, as {@code OBJECT_TYPE/key} ({@code DEAL/budget}), what reads it, as {@code kind:id}
     *         ({@code initiative:ini_…})
     */
    Map<String, List<String>> readers(String tenantId);
}
