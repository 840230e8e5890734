package org.revos.runtime.internal.objects;


import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.objects.ObjectWriteGuard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engines' {@link ObjectWriteGuard}s (whiteboard), which the {@link ObjectEngine} calls inside every creation and
 * patch before it applies the fields, highest service ranking first (the integration engine refuses the fields an
 * inbound sync owns this way). Kept statically, as the {@link Catalog} keeps engines' collections:
 * the object engine is called from everywhere a write happens, not only from components.
 */
@Component(service = WriteGuards.class, immediate = true)
public final class WriteGuards {

    private static final RankedServices<ObjectWriteGuard> GUARDS = new RankedServices<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addGuard(ServiceReference<ObjectWriteGuard> ref, ObjectWriteGuard hook) {
        GUARDS.add(ref, hook);
    }

    void removeGuard(ServiceReference<ObjectWriteGuard> ref) {
        remove(ref);
    }

    public static void add(Object key, int ranking, long order, ObjectWriteGuard hook) {
        GUARDS.add(key, ranking, order, hook);
    }

    public static void remove(Object key) {
        GUARDS.remove(key);
    }

    /** Calls every guard with the fields a creation ({@code id} null) or patch sets; what one throws refuses it. */
    static void check(TenantTransaction tx, ObjectSchema<?> schema, String id, ObjectNode fields) {
        for (ObjectWriteGuard each : GUARDS) {
            each.check(tx, schema, id, fields);
        }
    }
}
