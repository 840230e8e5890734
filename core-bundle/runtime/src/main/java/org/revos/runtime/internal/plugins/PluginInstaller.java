package org.revos.runtime.internal.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.gateway.SwapGate;
import org.revos.runtime.internal.persistence.EngineEntities;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.security.KeyCaller;
import org.revos.runtime.internal.settings.Settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one path by which plugins and engines are installed, updated, downgraded, removed and restored, whether from
 * the REST API, the deploy folder or the plugin store at start-up; the ones the distribution ships are no different
 * once seeded ({@link ShippedSeeds}). Operations run one at a time. Each is transactional: a candidate is installed
 * next to the running version and resolved alone; requests are held ({@link Swaps}); the running version is stopped,
 * the candidate started and checked (SCR components, exclusive offers); on success the old version is uninstalled,
 * on any failure the candidate is discarded and the old version started again. No operation refreshes a bundle other
 * than the plugin's own.
 */
@Component(service = PluginInstaller.class)
public final class PluginInstaller {

    /** Origin of plugins uploaded through the REST API. */
    public static final String UPLOAD = "upload";
    /** Origin of plugins seeded from, or restored to, the distribution's shipped jar. */
    public static final String SHIPPED = "shipped";
    /** Origin prefix of plugins installed from the deploy folder, followed by the file name. */
    public static final String DEPLOY_PREFIX = "deploy:";
    /** The caller the audit log names for deploy-folder operations. */
    public static final Caller DEPLOY_FOLDER = new KeyCaller(null, null, ApiRole.PLATFORM_ADMIN, "deploy folder");

    static final Duration CHECK_BOUND = Duration.ofSeconds(15);
    static final Duration RESTORE_BOUND = Duration.ofSeconds(60);
    static final Duration LOCK_WAIT = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(PluginInstaller.class.getName());

    /** The result of an install: what changed and the plugin as it is now. */
    public record Outcome(Change change, PluginView plugin) {
    }

    /** What a DELETE did. */
    public enum Removed {
        /** The running plugin was stopped and uninstalled. */
        UNINSTALLED,
        /** Nothing ran: only the listed failure (and its stored jar or deploy file) was forgotten. */
        REMOVED_FAILED_ENTRY
    }

    /** The result of a removal: which plugin, which version, and what was done. */
    public record Removal(String id, String version, Removed action) {
    }

    /** A plugin the lifecycle manages; {@code bundle} is null when it could not be installed or started. */
    private record Managed(String id, Bundle bundle, String version, String sha256, String origin, String error,
            JarSignature signature) {
        Managed withError(String newError) {
            return new Managed(id, bundle, version, sha256, origin, newError, signature);
        }

        Bundle running() {
            return bundle == null || bundle.getState() == Bundle.UNINSTALLED ? null : bundle;
        }
    }

    /** Work done while holding the lifecycle lock. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws InterruptedException;
    }

    private final PluginBundles bundles;
    private final PluginHealth health;
    private final PluginStorage storage;
    private final ShippedPlugins shipped;
    private final PluginAudit audit;
    private final Exclusives exclusives;
    private final Swaps swaps;
    private final Path deployDir;
    private final PluginGateway gateway;
    private final PluginTrust trust;
    private final EngineEntities entities;
    private final Map<String, Managed> plugins = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean restored;
    private final ExecutorService restorer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "revos-plugin-restore");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public PluginInstaller(BundleContext context, @Reference PluginHealth health, @Reference PluginStorage storage,
            @Reference ShippedPlugins shipped, @Reference Store store, @Reference PluginGateway gateway,
            @Reference SwapGate gate, @Reference RestRuntime rest, @Reference Settings settings,
            @Reference PluginTrust trust, @Reference EngineEntities entities) {
        this.gateway = gateway;
        this.entities = entities;
        this.trust = trust;
        this.bundles = new PluginBundles(context);
        this.health = health;
        this.storage = storage;
        this.shipped = shipped;
        this.audit = new PluginAudit(store);
        this.exclusives = new Exclusives(context);
        this.swaps = new Swaps(gate, rest);
        this.deployDir = settings.current().deployDir();
        restorer.execute(this::restoreStored);
    }

    @Deactivate
    void deactivate() {
        restorer.shutdownNow();
        swaps.shutdown();
    }

    /** @return whether the stored plugins (the shipped ones included) have been installed since the runtime started */
    public boolean isRestored() {
        return restored;
    }

    /**
     * Installs, updates, reinstalls or (when allowed) downgrades the plugin in {@code jar}.
     *
     * @param origin {@link #UPLOAD} or {@link #DEPLOY_PREFIX} and a file name
     * @throws Problem 400/422 when the jar is refused (nothing of it stays installed), 409 when it is older than the
     *                 running version and no downgrade was allowed, when it offers what another bundle offers, or
     *                 when replacing the running version would refresh other bundles; 503 when the lifecycle is busy
     */
    public Outcome install(byte[] jar, String origin, Caller caller, boolean allowDowngrade) {
        PluginJar candidate = PluginJar.read(jar);
        return locked(() -> noteFailure(candidate,
                () -> apply(candidate, origin, caller, CHECK_BOUND, allowDowngrade)));
    }

    /**
     * Installs the version of plugin {@code id} the distribution ships, whatever runs now (a newer or older version,
     * or nothing after a removal).
     *
     * @throws Problem 404 when the distribution ships no plugin {@code id}; otherwise as {@link #install}
     */
    public Outcome restore(String id, Caller caller) {
        PluginJar jar = shipped.find(id).orElseThrow(() -> new Problem(404, "not-found", "Not found", "The"
                + " distribution ships no plugin " + id + ", so there is no shipped version to restore", List.of()));
        return locked(() -> noteFailure(jar, () -> apply(jar, SHIPPED, caller, CHECK_BOUND, true)));
    }

    /**
     * Installs or updates a plugin from a file of the deploy folder; an older version than the running one is
     * refused (downgrades go through the admin API). Never throws: a refused file is logged and listed as a FAILED
     * plugin, or as the last error of the running version it did not replace, which keeps running unchanged.
     */
    public void installFromFolder(String fileName, byte[] jar) {
        String origin = DEPLOY_PREFIX + fileName;
        try {
            Outcome outcome = install(jar, origin, DEPLOY_FOLDER, false);
            LOG.info("Deploy folder: " + fileName + " → " + outcome.plugin().id() + " " + outcome.plugin().version()
                    + " " + outcome.change());
        } catch (RuntimeException e) {
            String error = "deploy/" + fileName + ": " + e.getMessage();
            LOG.warning("Deploy folder: " + error);
            try {
                locked(() -> {
                    recordFolderFailure(jar, origin, fileName, error);
                    return null;
                });
            } catch (RuntimeException busy) {
                LOG.log(Level.WARNING, "Deploy folder: could not record the failure of " + fileName, busy);
            }
        }
    }

    private void recordFolderFailure(byte[] jar, String origin, String fileName, String error) {
        PluginJar readable = readable(jar);
        String id = readable == null ? fileName : readable.id();
        Managed current = plugins.get(id);
        if (current != null && current.running() != null) {
            plugins.put(id, current.withError(error));
        } else {
            plugins.put(id, new Managed(id, null, readable == null ? null : readable.version().toString(),
                    readable == null ? null : readable.sha256(), origin, error, null));
        }
    }

    /**
     * Uninstalls the plugin a deleted deploy-folder file had installed, if that file installed its running version;
     * forgets the failure that file caused otherwise. Never throws.
     */
    public void removeDeployed(String fileName) {
        String origin = DEPLOY_PREFIX + fileName;
        String refusal = "deploy/" + fileName + ": ";
        try {
            locked(() -> {
                for (Managed managed : List.copyOf(plugins.values())) {
                    if (origin.equals(managed.origin())) {
                        remove(managed, DEPLOY_FOLDER, false);
                    } else if (managed.error() != null && managed.error().startsWith(refusal)) {
                        plugins.put(managed.id(), managed.withError(null));
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deploy folder: removing the plugin of " + fileName + " failed", e);
        }
    }

    /**
     * Removes plugin {@code id}: uninstalls it when it runs, forgets it when it is only a listed failure, and deletes
     * its stored jar (and its deploy-folder file) so that it does not come back. A shipped plugin removed this way
     * stays removed until it is restored.
     *
     * @throws Problem 404 for unknown plugins, 409 for plugins others wire to
     */
    public Removal uninstall(String id, Caller caller) {
        return locked(() -> {
            Managed managed = plugins.get(id);
            if (managed == null) {
                throw Problem.notFound("plugin", id);
            }
            return remove(managed, caller, true);
        });
    }

    /** @return every plugin the lifecycle manages, running or failed, by id */
    public List<PluginView> list() {
        List<PluginView> views = new ArrayList<>();
        plugins.values().forEach(m -> views.add(view(m)));
        views.sort(Comparator.comparing(PluginView::id));
        return views;
    }

    /** @return plugin {@code id}, if it is listed */
    public Optional<PluginView> find(String id) {
        Managed managed = plugins.get(id);
        return managed == null ? Optional.empty() : Optional.of(view(managed));
    }

    private Outcome noteFailure(PluginJar candidate, Work<Outcome> work) throws InterruptedException {
        try {
            return work.run();
        } catch (Problem failure) {
            Managed current = plugins.get(candidate.id());
            if (current != null && current.running() != null) {
                plugins.put(current.id(), current.withError("Replacing it with version " + candidate.version()
                        + " failed: " + failure.getMessage()));
            }
            throw failure;
        }
    }

    private Outcome apply(PluginJar jar, String origin, Caller caller, Duration bound, boolean allowDowngrade)
            throws InterruptedException {
        Prepared prepared = prepare(jar, origin, caller, allowDowngrade, true);
        return prepared.outcome() != null ? prepared.outcome() : complete(prepared, bound);
    }

    /**
     * A candidate installed (and resolved, unless a batch resolves it later) but not started yet, or the outcome when
     * nothing is to be started (the same version already runs and works).
     */
    private record Prepared(PluginJar jar, String origin, Caller caller, Optional<JarSignature> signature,
            Managed current, Bundle old, Change change, Bundle candidate, Outcome outcome) {
    }

    /** Checks {@code jar} and installs it next to the running version; {@code resolve} false leaves that to a batch. */
    private Prepared prepare(PluginJar jar, String origin, Caller caller, boolean allowDowngrade, boolean resolve) {
        bundles.refuseForeign(jar);
        Optional<JarSignature> signature = caller == null
                ? storage.signer(jar.id(), jar.sha256()).map(s -> s.map(JarSignature::of))
                        .orElseGet(() -> JarSignature.inspect(jar.bytes()))
                : JarSignature.inspect(jar.bytes());
        if (caller != null) {
            // a request (not the restart that reinstalls what was installed before signatures were required)
            trust.check(jar, signature);
        }
        Managed current = plugins.get(jar.id());
        Bundle old = current == null ? null : current.running();
        Change change = old == null ? Change.INSTALLED
                : Change.of(old.getVersion(), current.sha256(), jar, allowDowngrade);
        if (change == Change.UNCHANGED) {
            if (health.problem(old).isEmpty()) {
                return new Prepared(jar, origin, caller, signature, current, old, change, null,
                        unchanged(current, origin));
            }
            change = Change.REINSTALLED;
        }
        if (old != null) {
            bundles.refuseDependents(old, jar.id(), "replace");
        }
        Bundle candidate = resolve ? bundles.installAndResolve(jar) : bundles.install(jar);
        return new Prepared(jar, origin, caller, signature, current, old, change, candidate, null);
    }

    /** Swaps the prepared candidate in: starts and checks it, and rolls back to the running version on any failure. */
    private Outcome complete(Prepared prepared, Duration bound) throws InterruptedException {
        PluginJar jar = prepared.jar();
        String origin = prepared.origin();
        Caller caller = prepared.caller();
        Optional<JarSignature> signature = prepared.signature();
        Managed current = prepared.current();
        Bundle old = prepared.old();
        Change change = prepared.change();
        Bundle candidate = prepared.candidate();
        Swaps.Swap swap;
        try {
            swap = swaps.begin(jar.id(), old);
        } catch (InterruptedException stopping) {
            bundles.discard(candidate, jar.id());
            throw stopping;
        }
        Bundle running = old;
        try {
            if (old != null) {
                bundles.stop(old);
            }
            startAndCheck(candidate, jar, origin, bound);
            running = candidate;
        } catch (InterruptedException | RuntimeException failure) {
            swap.leaving(candidate);
            bundles.discard(candidate, jar.id());
            if (old != null) {
                restart(old);
            }
            throw failure;
        } finally {
            swap.finish(running);
        }
        if (old != null) {
            bundles.discard(old, jar.id());
        }
        Managed installed = new Managed(jar.id(), candidate, jar.version().toString(), jar.sha256(), origin, null,
                signature.orElse(null));
        plugins.put(jar.id(), installed);
        gateway.forget(jar.id());
        try {
            storage.saveSigner(jar.id(), jar.sha256(), signature.map(JarSignature::certificate));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not record who signed " + jar.label() + "; its signature is checked again"
                    + " at the next start", e);
        }
        if (caller != null) {
            audit.record(caller, SHIPPED.equals(origin) ? "PLUGIN_RESTORED" : change.auditAction(), jar.id(),
                    current == null ? null : auditJson(current), auditJson(installed));
        }
        LOG.info(change + " " + jar.label() + " (" + origin + ")");
        return new Outcome(change, view(installed));
    }

    private Outcome unchanged(Managed current, String origin) {
        Managed same = new Managed(current.id(), current.bundle(), current.version(), current.sha256(), origin, null,
                current.signature());
        if (!origin.equals(current.origin())) {
            saveOrigin(current.id(), origin);
        }
        plugins.put(current.id(), same);
        return new Outcome(Change.UNCHANGED, view(same));
    }

    /** Starts the candidate, checks and stores it; throws, leaving the rollback to the caller, when a step fails. */
    private void startAndCheck(Bundle candidate, PluginJar jar, String origin, Duration bound)
            throws InterruptedException {
        bundles.start(candidate, jar);
        List<String> problems = health.await(candidate, bound);
        if (!problems.isEmpty()) {
            throw Problem.unprocessable("Plugin does not start", jar.label() + " does not work: "
                    + String.join("; ", problems),
                    problems.stream().map(p -> new FieldError("Service-Component", p)).toList());
        }
        exclusives.refuseConflicts(candidate, jar.label());
        try {
            storage.save(jar.id(), jar.bytes(), origin);
        } catch (IOException io) {
            throw new Problem(500, "storage-failed", "Plugin not stored", "The plugin started, but its jar could"
                    + " not be stored under the data folder, so it was rolled back: " + io.getMessage(), List.of());
        }
    }

    /** Starts the previous version again after a failed replacement; it keeps serving. */
    private void restart(Bundle old) throws InterruptedException {
        try {
            old.start();
            List<String> problems = health.await(old, CHECK_BOUND);
            if (!problems.isEmpty()) {
                LOG.warning("The previous version " + old.getVersion() + " of " + old.getSymbolicName()
                        + " was started again but does not work: " + String.join("; ", problems));
            }
        } catch (org.osgi.framework.BundleException | IllegalStateException e) {
            LOG.log(Level.SEVERE, "The previous version " + old.getVersion() + " of " + old.getSymbolicName()
                    + " could not be started again", e);
        }
    }

    private Removal remove(Managed managed, Caller caller, boolean deleteDeployFile) throws InterruptedException {
        Bundle bundle = managed.running();
        if (bundle != null) {
            bundles.refuseDependents(bundle, managed.id(), "remove");
            Swaps.Swap swap = swaps.begin(managed.id(), bundle);
            try {
                bundles.discard(bundle, managed.id());
            } finally {
                swap.finish(null);
            }
        }
        plugins.remove(managed.id());
        gateway.forget(managed.id());
        try {
            storage.delete(managed.id());
            if (deleteDeployFile && managed.origin().startsWith(DEPLOY_PREFIX)) {
                Files.deleteIfExists(deployDir.resolve(managed.origin().substring(DEPLOY_PREFIX.length())));
            }
        } catch (IOException e) {
            throw new Problem(500, "storage-failed", "Plugin file not deleted", managed.id() + " was removed,"
                    + " but its jar could not be deleted and it would come back at the next start: "
                    + e.getMessage(), List.of());
        }
        Removed action = bundle != null ? Removed.UNINSTALLED : Removed.REMOVED_FAILED_ENTRY;
        audit.record(caller, action == Removed.UNINSTALLED ? "PLUGIN_UNINSTALLED" : "PLUGIN_FAILED_ENTRY_REMOVED",
                managed.id(), auditJson(managed), null);
        LOG.info(action + " " + managed.id() + " " + managed.version() + " (" + managed.origin() + ")");
        return new Removal(managed.id(), managed.version(), action);
    }

    /** Seeds the shipped plugins, then installs every stored plugin; those that do not start are listed as FAILED. */
    private void restoreStored() {
        try {
            locked(() -> {
                for (Bundle leftover : bundles.managed()) {
                    LOG.info("Uninstalling " + leftover.getLocation() + " left in the framework cache; the plugin store"
                            + " is installed instead");
                    bundles.discard(leftover, leftover.getSymbolicName());
                }
                seedShipped();
                List<PluginStorage.Stored> stored;
                try {
                    stored = storage.list();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                restoreBatch(stored.stream().filter(p -> !plugins.containsKey(p.id())).toList());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not reinstall the stored plugins", e);
        } finally {
            restored = true;
        }
    }

    /** Seeds the shipped plugins; a distribution whose jars cannot be read still starts what is stored. */
    private void seedShipped() {
        try {
            ShippedSeeds.seed(storage, shipped.all()).forEach(s -> LOG.info("Shipped plugins: " + s));
        } catch (IOException | UncheckedIOException | Problem e) {
            LOG.log(Level.SEVERE, "Could not seed the shipped plugins into the plugin store", e);
        }
    }

    /**
     * Restores the stored plugins as one batch: every jar is checked and installed, the candidates are resolved
     * together, the persistence unit is built once with every engine's entities ({@link EngineEntities#prepare}),
     * and only then is each started and checked as a single install would be. Restoring them one after the other
     * rebuilt the unit once per engine, 0.2–0.5 s each, on every start.
     */
    private void restoreBatch(List<PluginStorage.Stored> stored) throws InterruptedException {
        List<Prepared> batch = new ArrayList<>();
        for (PluginStorage.Stored plugin : stored) {
            PluginJar jar = null;
            try {
                jar = readStored(plugin);
                if (jar == null) {
                    continue;
                }
                Prepared prepared = prepare(jar, plugin.origin(), null, true, false);
                if (prepared.candidate() != null) {
                    batch.add(prepared);
                }
            } catch (Problem | IOException e) {
                restoreFailed(plugin.id(), plugin.origin(), jar, e);
            }
        }
        List<Bundle> candidates = batch.stream().map(Prepared::candidate).toList();
        bundles.resolveAll(candidates);
        List<Prepared> resolved = new ArrayList<>();
        for (Prepared prepared : batch) {
            try {
                bundles.resolve(prepared.candidate(), prepared.jar());
                resolved.add(prepared);
            } catch (Problem e) {
                restoreFailed(prepared.jar().id(), prepared.origin(), prepared.jar(), e);
            }
        }
        Map<Bundle, RuntimeException> refused = entities.prepare(resolved.stream().map(Prepared::candidate).toList());
        try {
            for (Prepared prepared : resolved) {
                RuntimeException refusal = refused.get(prepared.candidate());
                try {
                    if (refusal != null) {
                        bundles.discard(prepared.candidate(), prepared.jar().id());
                        throw Problem.unprocessable("Plugin does not start", prepared.jar().label() + " does not"
                                + " work: its entities cannot join the persistence unit: "
                                + FailureText.of(refusal), List.of());
                    }
                    complete(prepared, RESTORE_BOUND);
                } catch (Problem e) {
                    restoreFailed(prepared.jar().id(), prepared.origin(), prepared.jar(), e);
                }
            }
        } finally {
            entities.settle(candidates);
        }
    }

    /**
     * @return the stored jar of {@code stored}, or null when it is not to be restored (its deploy-folder file was
     *         removed while the runtime was stopped: it is forgotten)
     */
    private PluginJar readStored(PluginStorage.Stored stored) throws IOException {
        if (stored.origin().startsWith(DEPLOY_PREFIX)
                && !Files.exists(deployDir.resolve(stored.origin().substring(DEPLOY_PREFIX.length())))) {
            LOG.info("Not reinstalling " + stored.id() + ": its file was removed from the deploy folder while the"
                    + " runtime was stopped");
            storage.delete(stored.id());
            audit.record(DEPLOY_FOLDER, "PLUGIN_UNINSTALLED", stored.id(), null, null);
            return null;
        }
        PluginJar jar = readable(Files.readAllBytes(stored.jar()));
        if (jar == null || !jar.id().equals(stored.id())) {
            throw Problem.unprocessable("Stored plugin unusable", "the stored jar " + stored.jar()
                    + " is not the plugin " + stored.id(), List.of());
        }
        return jar;
    }

    private void restoreFailed(String id, String origin, PluginJar jar, Exception e) {
        LOG.warning("Stored plugin " + id + " could not be started: " + e.getMessage());
        plugins.put(id, new Managed(id, null, jar == null ? null : jar.version().toString(),
                jar == null ? null : jar.sha256(), origin,
                "Could not be started when the runtime started: " + e.getMessage(), null));
    }

    private <T> T locked(Work<T> work) {
        try {
            if (!lock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Problem(503, "busy", "Busy", "Another plugin operation has been running for "
                        + LOCK_WAIT.toMinutes() + " minutes; try again later", List.of());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping();
        }
        try {
            return work.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping();
        } finally {
            lock.unlock();
        }
    }

    private static Problem stopping() {
        return new Problem(503, "unavailable", "Unavailable", "The plugin operation was interrupted: the runtime is"
                + " stopping", List.of());
    }

    private void saveOrigin(String id, String origin) {
        try {
            storage.saveOrigin(id, origin);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not record the origin of " + id, e);
        }
    }

    private PluginView view(Managed managed) {
        return unsigned(managed).withSigned(managed.signature() == null ? null
                : new PluginView.Signed(managed.signature().subject(), managed.signature().fingerprint(),
                        trust.trusts(managed.signature())));
    }

    private PluginView unsigned(Managed managed) {
        Bundle bundle = managed.running();
        if (bundle == null) {
            return new PluginView(managed.id(), managed.version(), PluginState.FAILED, List.of(), managed.error());
        }
        Optional<String> problem = health.problem(bundle);
        return new PluginView(bundle.getSymbolicName(), bundle.getVersion().toString(),
                problem.isPresent() ? PluginState.FAILED : PluginState.ACTIVE, health.provides(bundle),
                problem.orElse(managed.error()));
    }

    private static JsonNode auditJson(Managed managed) {
        return JsonNodeFactory.instance.objectNode().put("id", managed.id()).put("version", managed.version())
                .put("sha256", managed.sha256()).put("origin", managed.origin())
                .put("signerFingerprint", managed.signature() == null ? null : managed.signature().fingerprint());
    }

    private static PluginJar readable(byte[] bytes) {
        try {
            return PluginJar.read(bytes);
        } catch (Problem notAPlugin) {
            return null;
        }
    }
}
