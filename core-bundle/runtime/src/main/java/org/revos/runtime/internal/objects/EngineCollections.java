package org.revos.runtime.internal.objects;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.kernel.spi.objects.ObjectSchema;

/**
 * Brings engines' collections into the {@link Catalog} (whiteboard: an engine registers its {@link ObjectSchema} as
 * a service), so references to their objects are checked, deletions refused while something refers to them, and the
 * OpenAPI document, imports and exports know them. A collection that clashes with a known one is left out, with the
 * reason in the log.
 */
@Component(service = EngineCollections.class, immediate = true)
public final class EngineCollections {

    private static final Logger LOG = Logger.getLogger(EngineCollections.class.getName());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, service = ObjectSchema.class)
    void addCollection(ObjectSchema<?> schema) {
        try {
            Catalog.add(schema);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "An engine's collection is left out: {0}", e.getMessage());
        }
    }

    void removeCollection(ObjectSchema<?> schema) {
        Catalog.remove(schema);
    }
}
