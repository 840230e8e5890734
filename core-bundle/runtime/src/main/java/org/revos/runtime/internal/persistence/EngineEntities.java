package org.revos.runtime.internal.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;

/**
 * The extender that brings engines' entities into the persistence unit: a bundle whose manifest names entity classes
 * in {@value #HEADER} has them in the unit from the moment it starts (before its components activate, since the
 * tracker hears of the start synchronously) until it has stopped (after its components deactivated). A bundle whose
 * entities the unit cannot take is stopped, with the reason in the log and the plugin's state.
 * <p>
 * Each engine that starts alone rebuilds the unit (0.2–0.5 s). A start of the runtime restores a dozen stored
 * plugins; so the plugin lifecycle {@linkplain #prepare prepares} every resolved engine of that batch first, which
 * builds the unit once with all their entities, and then starts them: each start finds its entities already in the
 * unit and builds nothing. What a prepared bundle that did not start contributed is taken out again by
 * {@link #settle}.
 */
@Component(service = EngineEntities.class)
public final class EngineEntities {

    /** The manifest header listing a bundle's entity classes, comma-separated. */
    public static final String HEADER = "RevOS-Entities";

    private static final Logger LOG = Logger.getLogger(EngineEntities.class.getName());

    private final Store store;
    private final BundleTracker<String> tracker;
    /** Bundles prepared but not (yet) tracked, by bundle id: their contributions are {@link #settle}d. */
    private final Map<Long, String> prepared = new ConcurrentHashMap<>();

    @Activate
    public EngineEntities(@Reference Store store, BundleContext context) {
        this.store = store;
        // STOPPING is tracked too, so removal comes when the bundle is RESOLVED: after its components deactivated.
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders("").get(HEADER);
                return header == null || header.isBlank() ? null : contribute(bundle, header);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String owner) {
                store.withdraw(owner);
            }
        };
        tracker.open();
    }

    @Deactivate
    public void close() {
        tracker.close();
    }

    /**
     * Brings the entities of {@code bundles} (installed and resolved, not started yet) into the unit in one build,
     * before any of them starts. A bundle whose entities cannot join (a class its header names is missing, or the
     * unit cannot map them) is returned with the reason; it should not be started.
     *
     * @return the bundles refused, with why
     */
    public Map<Bundle, RuntimeException> prepare(Collection<Bundle> bundles) {
        Map<String, List<Class<?>>> byOwner = new LinkedHashMap<>();
        Map<String, java.util.function.Consumer<RuntimeException>> onRefusal = new LinkedHashMap<>();
        Map<Bundle, RuntimeException> refused = new ConcurrentHashMap<>();
        for (Bundle bundle : bundles) {
            String header = bundle.getHeaders("").get(HEADER);
            if (header == null || header.isBlank()) {
                continue;
            }
            try {
                String owner = owner(bundle);
                byOwner.put(owner, entities(bundle, header));
                onRefusal.put(owner, e -> refused.put(bundle, e));
                prepared.put(bundle.getBundleId(), owner);
            } catch (IllegalStateException e) {
                refused.put(bundle, e);
            }
        }
        if (!byOwner.isEmpty()) {
            store.contributeAll(byOwner, onRefusal);
        }
        refused.keySet().forEach(b -> prepared.remove(b.getBundleId()));
        return Map.copyOf(refused);
    }

    /**
     * Takes out of the unit what {@link #prepare} contributed for those of {@code bundles} that did not start (the
     * ones that started are the tracker's now, and leave the unit when they stop).
     */
    public void settle(Collection<Bundle> bundles) {
        Set<Bundle> tracked = tracker.getTracked().keySet();
        for (Bundle bundle : bundles) {
            String owner = prepared.remove(bundle.getBundleId());
            if (owner != null && !tracked.contains(bundle)) {
                store.withdraw(owner);
            }
        }
    }

    private String contribute(Bundle bundle, String header) {
        String owner = owner(bundle);
        List<Class<?>> entities;
        try {
            entities = entities(bundle, header);
        } catch (IllegalStateException e) {
            refuse(bundle, e);
            return null;
        }
        // A prepared bundle's entities are in the unit already: contributing the same classes again builds nothing.
        store.contribute(owner, entities, e -> refuse(bundle, e));
        return owner;
    }

    private static String owner(Bundle bundle) {
        return bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
    }

    /** @throws IllegalStateException when the header names a class the bundle does not hold */
    private static List<Class<?>> entities(Bundle bundle, String header) {
        List<Class<?>> entities = new ArrayList<>();
        try {
            for (String name : header.split(",")) {
                if (!name.isBlank()) {
                    entities.add(bundle.loadClass(name.trim()));
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(HEADER + " names a class the bundle does not hold: " + e.getMessage(), e);
        }
        return entities;
    }

    /** Stops the bundle on another thread: it may be starting on this one. */
    private static void refuse(Bundle bundle, RuntimeException cause) {
        LOG.log(Level.SEVERE, "Stopping " + bundle.getSymbolicName() + ": its entities cannot join the persistence"
                + " unit", cause);
        Thread stopper = new Thread(() -> {
            try {
                bundle.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                LOG.log(Level.WARNING, "Could not stop " + bundle.getSymbolicName(), e);
            }
        }, "revos-refuse-entities");
        stopper.setDaemon(true);
        stopper.start();
    }
}
