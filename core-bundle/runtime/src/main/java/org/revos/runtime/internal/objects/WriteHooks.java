package org.revos.runtime.internal.objects;


import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectWriteHook;
import org.revos.kernel.spi.objects.ObjectWriteHook.ObjectWrite;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engines' {@link ObjectWriteHook}s (whiteboard), which the {@link ObjectEngine} calls inside every write's
 * transaction, highest service ranking first. Kept statically, as the {@link Catalog} keeps engines' collections:
 * the object engine is called from everywhere a write happens, not only from components.
 */
@Component(service = WriteHooks.class, immediate = true)
public final class WriteHooks {

    private static final RankedServices<ObjectWriteHook> HOOKS = new RankedServices<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addHook(ServiceReference<ObjectWriteHook> ref, ObjectWriteHook hook) {
        HOOKS.add(ref, hook);
    }

    void removeHook(ServiceReference<ObjectWriteHook> ref) {
        remove(ref);
    }

    public static void add(Object key, int ranking, long order, ObjectWriteHook hook) {
        HOOKS.add(key, ranking, order, hook);
    }

    public static void remove(Object key) {
        HOOKS.remove(key);
    }

    /** Calls every hook; what one throws propagates and rolls the write back. */
    static void written(TenantTransaction tx, ObjectType type, String id, ObjectNode before, ObjectNode after) {
        if (HOOKS.isEmpty()) {
            return;
        }
        ObjectWrite write = new ObjectWrite(type, id, before, after);
        for (ObjectWriteHook each : HOOKS) {
            each.written(tx, write);
        }
    }
}
