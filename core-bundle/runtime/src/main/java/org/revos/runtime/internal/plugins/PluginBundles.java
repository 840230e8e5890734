package org.revos.runtime.internal.plugins;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

/**
 * The framework operations of the plugin lifecycle, each one confined to the plugin's own bundles: installing a
 * candidate under a staging location next to the running version, starting it, discarding it, and the dependency
 * check that keeps any replacement or removal from refreshing another bundle.
 */
final class PluginBundles {

    /** Locations of bundles the lifecycle installed; nothing else installs bundles under this scheme. */
    static final String LOCATION_PREFIX = "revos-plugin:";

    private static final Logger LOG = Logger.getLogger(PluginBundles.class.getName());
    private static final long REFRESH_SECONDS = 30;

    private final BundleContext context;
    private final FrameworkWiring wiring;
    private final Resolution resolution;
    private final AtomicLong installs = new AtomicLong();

    PluginBundles(BundleContext context) {
        this.context = context;
        this.wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        this.resolution = new Resolution(context, wiring);
    }

    /** @return whether the lifecycle installed {@code bundle} */
    static boolean isManaged(Bundle bundle) {
        return bundle.getLocation().startsWith(LOCATION_PREFIX);
    }

    /** @return bundles the lifecycle installed in an earlier run, found in a framework cache that was kept */
    List<Bundle> managed() {
        List<Bundle> managed = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (isManaged(bundle) && bundle.getState() != Bundle.UNINSTALLED) {
                managed.add(bundle);
            }
        }
        return managed;
    }

    /**
     * @throws Problem 422 when {@code jar}'s symbolic name is that of a bundle the runtime was launched with (its
     *                 run bundles are the kernel and its libraries; every plugin and engine is installed by the
     *                 lifecycle, the shipped ones included)
     */
    void refuseForeign(PluginJar jar) {
        for (Bundle bundle : context.getBundles()) {
            if (jar.id().equals(bundle.getSymbolicName()) && !isManaged(bundle)) {
                throw Problem.unprocessable("Not an installable RevOS plugin", jar.id() + " is the symbolic name of"
                        + " a bundle this runtime was launched with (" + bundle.getLocation() + "); a plugin cannot"
                        + " replace it", List.of(new FieldError(Constants.BUNDLE_SYMBOLICNAME,
                                "names a bundle of the runtime")));
            }
        }
    }

    /**
     * Refuses to replace or remove {@code bundle} while a bundle other than the plugin's own wires to it: that
     * bundle would have to be refreshed (stopped, rewired and started), which plugin operations never do.
     *
     * @param operation {@code replace} or {@code remove}, as the message says it
     * @throws Problem 409 naming the dependent bundles
     */
    void refuseDependents(Bundle bundle, String id, String operation) {
        List<String> others = others(wiring.getDependencyClosure(List.of(bundle)), id);
        if (!others.isEmpty()) {
            List<FieldError> errors = others.stream().map(o -> new FieldError("dependents", o
                    + " wires to packages or capabilities of " + id)).toList();
            String gerund = operation.substring(0, operation.length() - 1) + "ing";
            throw Problem.conflict("Cannot " + operation + " " + id + ": " + String.join(", ", others)
                    + (others.size() == 1 ? " uses" : " use") + " it, so " + gerund + " it would refresh "
                    + (others.size() == 1 ? "that bundle" : "those bundles") + "; remove or update "
                    + (others.size() == 1 ? "it" : "them") + " first", errors);
        }
    }

    /**
     * Installs {@code jar} under a staging location of its own, next to any running version, and resolves it alone.
     *
     * @throws Problem 422 when the framework refuses the bundle or it cannot be resolved; nothing stays installed
     */
    Bundle installAndResolve(PluginJar jar) {
        Bundle candidate = install(jar);
        resolve(candidate, jar);
        return candidate;
    }

    /**
     * Installs {@code jar} under a staging location of its own, next to any running version, without resolving it.
     *
     * @throws Problem 422 when the framework refuses the bundle; nothing stays installed
     */
    Bundle install(PluginJar jar) {
        String location = LOCATION_PREFIX + jar.id() + "/" + jar.version() + "/" + jar.sha256().substring(0, 12) + "/"
                + System.currentTimeMillis() + "-" + installs.incrementAndGet();
        Bundle candidate;
        try {
            candidate = context.installBundle(location, new ByteArrayInputStream(jar.bytes()));
        } catch (BundleException e) {
            throw Problem.unprocessable("Not an installable RevOS plugin", jar.label() + " is refused by the"
                    + " framework: " + e.getMessage(), List.of(new FieldError("manifest", e.getMessage())));
        }
        return candidate;
    }

    /**
     * Resolves the installed {@code candidate} (alone, when a batch has not resolved it already).
     *
     * @throws Problem 422 when it cannot be resolved; it is uninstalled then
     */
    void resolve(Bundle candidate, PluginJar jar) {
        if ((candidate.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
            return;
        }
        try {
            resolution.resolveAlone(candidate, jar);
        } catch (RuntimeException unresolved) {
            discard(candidate, jar.id());
            throw unresolved;
        }
    }

    /**
     * Resolves freshly installed candidates together, in one run of the framework's resolver (a start restores a
     * dozen plugins); those it cannot resolve stay installed for {@link #resolve} to say why. It is the call a single
     * install makes, for all of them at once: nothing is refreshed or rewired.
     */
    void resolveAll(List<Bundle> candidates) {
        if (!candidates.isEmpty()) {
            wiring.resolveBundles(candidates);
        }
    }

    /**
     * Starts {@code bundle} (persistently).
     *
     * @throws Problem 422 naming the failing Bundle-Activator and its exception
     */
    void start(Bundle bundle, PluginJar jar) {
        try {
            bundle.start();
        } catch (BundleException e) {
            String activator = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATOR);
            if (e.getType() == BundleException.ACTIVATOR_ERROR && activator != null) {
                String thrown = FailureText.of(e.getCause() == null ? e : e.getCause());
                throw Problem.unprocessable("Plugin does not start", jar.label() + " does not start: its"
                        + " Bundle-Activator " + activator + " threw " + thrown,
                        List.of(new FieldError(Constants.BUNDLE_ACTIVATOR, activator + " threw " + thrown)));
            }
            throw Problem.unprocessable("Plugin does not start", jar.label() + " does not start: "
                    + FailureText.of(e), List.of(new FieldError("bundle", FailureText.of(e))));
        } catch (IllegalStateException e) {
            throw Problem.unprocessable("Plugin does not start", jar.label() + " was uninstalled while starting",
                    List.of());
        }
    }

    /** Stops {@code bundle}; a failing stop is logged (the framework stops the bundle anyway). */
    void stop(Bundle bundle) {
        try {
            if (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
                bundle.stop();
            }
        } catch (BundleException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Stopping " + bundle.getSymbolicName() + " " + bundle.getVersion() + " failed", e);
        }
    }

    /**
     * Stops and uninstalls one of the plugin {@code id}'s bundles and lets the framework drop its revision. A
     * refresh is only ever asked for when the bundle is still pending removal and every bundle that would be
     * refreshed is one of the plugin's own.
     */
    void discard(Bundle bundle, String id) {
        stop(bundle);
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Uninstalling " + bundle.getLocation() + " failed", e);
        }
        if (!wiring.getRemovalPendingBundles().contains(bundle)) {
            return;
        }
        Collection<Bundle> closure = wiring.getDependencyClosure(List.of(bundle));
        List<String> others = others(closure, id);
        if (!others.isEmpty()) {
            LOG.warning("The old revision of " + id + " stays in memory until the runtime restarts: "
                    + String.join(", ", others) + " wired to it meanwhile");
            return;
        }
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(closure, event -> refreshed.countDown());
        try {
            if (!refreshed.await(REFRESH_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("Refreshing the bundles of " + id + " took longer than " + REFRESH_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> others(Collection<Bundle> closure, String id) {
        return closure.stream().filter(b -> !id.equals(b.getSymbolicName()))
                .map(b -> b.getSymbolicName() + " " + b.getVersion()).sorted().toList();
    }
}
