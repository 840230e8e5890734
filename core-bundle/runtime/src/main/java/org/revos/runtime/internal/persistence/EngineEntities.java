package org.revos.runtime.internal.persistence;

import java.util.ArrayList;
import java.util.List;
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
 */
@Component(service = {})
public final class EngineEntities {

    /** The manifest header listing a bundle's entity classes, comma-separated. */
    public static final String HEADER = "RevOS-Entities";

    private static final Logger LOG = Logger.getLogger(EngineEntities.class.getName());

    private final Store store;
    private final BundleTracker<String> tracker;

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

    private String contribute(Bundle bundle, String header) {
        String owner = bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
        List<Class<?>> entities = new ArrayList<>();
        try {
            for (String name : header.split(",")) {
                if (!name.isBlank()) {
                    entities.add(bundle.loadClass(name.trim()));
                }
            }
        } catch (ClassNotFoundException e) {
            refuse(bundle, new IllegalStateException(HEADER + " names a class the bundle does not hold: "
                    + e.getMessage(), e));
            return null;
        }
        store.contribute(owner, entities, e -> refuse(bundle, e));
        return owner;
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
