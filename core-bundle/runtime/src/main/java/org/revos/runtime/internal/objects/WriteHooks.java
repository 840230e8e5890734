package org.revos.runtime.internal.objects;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
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

    private record Registered(Object key, int ranking, long order, ObjectWriteHook hook) {
    }

    private static final Comparator<Registered> ORDER = Comparator.comparingInt(Registered::ranking).reversed()
            .thenComparingLong(Registered::order);
    private static final List<Registered> HOOKS = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addHook(ServiceReference<ObjectWriteHook> ref, ObjectWriteHook hook) {
        add(ref, ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0,
                (Long) ref.getProperty(Constants.SERVICE_ID), hook);
    }

    void removeHook(ServiceReference<ObjectWriteHook> ref) {
        remove(ref);
    }

    public static synchronized void add(Object key, int ranking, long order, ObjectWriteHook hook) {
        HOOKS.add(new Registered(key, ranking, order, hook));
        HOOKS.sort(ORDER);
    }

    public static void remove(Object key) {
        HOOKS.removeIf(r -> r.key().equals(key));
    }

    /** Calls every hook; what one throws propagates and rolls the write back. */
    static void written(TenantTransaction tx, ObjectType type, String id, ObjectNode before, ObjectNode after) {
        if (HOOKS.isEmpty()) {
            return;
        }
        ObjectWrite write = new ObjectWrite(type, id, before, after);
        for (Registered registered : HOOKS) {
            registered.hook().written(tx, write);
        }
    }
}
