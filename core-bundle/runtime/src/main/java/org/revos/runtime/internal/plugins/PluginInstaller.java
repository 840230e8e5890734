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
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.problem.FieldError;
import org.revos.runtime.internal.problem.Problem;
import org.revos.runtime.internal.security.KeyCaller;
import org.revos.runtime.internal.settings.RuntimeSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one path by which plugins are installed, updated and removed, whether from the REST API, the deploy folder or
 * the plugin store at start-up. Operations run one at a time. Each is transactional: a candidate is installed next to
 * the running version and resolved alone; the running version is stopped, the candidate started and checked (SCR
 * components, REST resources); on success the old version is uninstalled, on any failure the candidate is discarded
 * and the old version started again. No operation refreshes a bundle other than the plugin's own.
 */
@Component(service = PluginInstaller.class)
public final class PluginInstaller {

    /** Origin of plugins uploaded through the REST API. */
    public static final String UPLOAD = "upload";
    /** Origin prefix of plugins installed from the deploy folder, followed by the file name. */
    public static final String DEPLOY_PREFIX = "deploy:";
    /** The caller the audit log names for deploy-folder operations. */
    public static final Caller DEPLOY_FOLDER = new KeyCaller(null, null, ApiRole.PLATFORM_ADMIN, "deploy folder");

    static final Duration CHECK_BOUND = Duration.ofSeconds(15);
    static final Duration RESTORE_BOUND = Duration.ofSeconds(60);
    static final Duration LOCK_WAIT = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(PluginInstaller.class.getName());

    /** What an install did. */
    public enum Change {
        INSTALLED, UPDATED, UNCHANGED
    }

    /** The result of an install: what changed and the plugin as it is now. */
    public record Outcome(Change change, PluginView plugin) {
    }

    /** A plugin the lifecycle manages; {@code bundle} is null when it could not be installed or started. */
    private record Managed(String id, Bundle bundle, String version, String sha256, String origin, String error) {
        Managed with(String newOrigin, String newError) {
            return new Managed(id, bundle, version, sha256, newOrigin, newError);
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
    private final PluginAudit audit;
    private final Path deployDir;
    private final PluginGateway gateway;
    private final Map<String, Managed> plugins = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock(true);
    private final ExecutorService restorer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "revos-plugin-restore");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public PluginInstaller(BundleContext context, @Reference PluginHealth health, @Reference PluginStorage storage,
            @Reference Store store, @Reference PluginGateway gateway) {
        this.gateway = gateway;
        this.bundles = new PluginBundles(context);
        this.health = health;
        this.storage = storage;
        this.audit = new PluginAudit(store);
        this.deployDir = RuntimeSettings.current().deployDir();
        restorer.execute(this::restore);
    }

    @Deactivate
    void deactivate() {
        restorer.shutdownNow();
    }

    /**
     * Installs or updates the plugin in {@code jar}.
     *
     * @param origin {@link #UPLOAD} or {@link #DEPLOY_PREFIX} and a file name
     * @throws Problem 400/422 when the jar is refused (nothing of it stays installed), 409 when replacing the
     *                 running version would refresh other bundles, 503 when the lifecycle is busy for too long
     */
    public Outcome install(byte[] jar, String origin, Caller caller) {
        PluginJar candidate = PluginJar.read(jar);
        return locked(() -> {
            try {
                return apply(candidate, origin, caller, CHECK_BOUND, true);
            } catch (Problem failure) {
                Managed current = plugins.get(candidate.id());
                if (current != null && current.bundle() != null) {
                    plugins.put(current.id(), current.with(current.origin(), "Replacing it with version "
                            + candidate.version() + " failed: " + failure.getMessage()));
                }
                throw failure;
            }
        });
    }

    /**
     * Installs or updates a plugin from a file of the deploy folder. Never throws: a refused file is logged and
     * listed as a FAILED plugin (or as the last error of the running version it failed to replace).
     */
    public void installFromFolder(String fileName, byte[] jar) {
        String origin = DEPLOY_PREFIX + fileName;
        try {
            Outcome outcome = install(jar, origin, DEPLOY_FOLDER);
            LOG.info("Deploy folder: " + fileName + " → " + outcome.plugin().id() + " " + outcome.plugin().version()
                    + " " + outcome.change());
        } catch (RuntimeException e) {
            String error = "deploy/" + fileName + ": " + e.getMessage();
            LOG.warning("Deploy folder: " + error);
            try {
                locked(() -> {
                    recordFolderFailure(fileName, jar, origin, error);
                    return null;
                });
            } catch (RuntimeException busy) {
                LOG.log(Level.WARNING, "Deploy folder: could not record the failure of " + fileName, busy);
            }
        }
    }

    private void recordFolderFailure(String fileName, byte[] jar, String origin, String error) {
        PluginJar readable = readable(jar);
        String id = readable == null ? fileName : readable.id();
        Managed current = plugins.get(id);
        if (current != null && current.bundle() != null) {
            plugins.put(id, current.with(current.origin(), error));
        } else {
            plugins.put(id, new Managed(id, null, readable == null ? null : readable.version().toString(),
                    readable == null ? null : readable.sha256(), origin, error));
        }
    }

    /**
     * Uninstalls the plugin a deleted deploy-folder file had installed, if that file installed its running version;
     * forgets the failure that file caused otherwise. Never throws.
     */
    public void removeDeployed(String fileName) {
        String origin = DEPLOY_PREFIX + fileName;
        try {
            locked(() -> {
                for (Managed managed : List.copyOf(plugins.values())) {
                    if (origin.equals(managed.origin())) {
                        remove(managed, DEPLOY_FOLDER, false);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deploy folder: removing the plugin of " + fileName + " failed", e);
        }
    }

    /**
     * Uninstalls plugin {@code id} and forgets its stored jar; when it came from the deploy folder, its file is
     * deleted too, so that it does not come back.
     *
     * @throws Problem 404 for unknown plugins, 409 for plugins of the distribution or plugins others wire to
     */
    public void uninstall(String id, Caller caller) {
        locked(() -> {
            Managed managed = plugins.get(id);
            if (managed == null) {
                if (bundles.builtIns().stream().anyMatch(b -> id.equals(b.getSymbolicName()))) {
                    throw Problem.conflict(id + " came with this runtime; it is removed by changing the runtime's"
                            + " distribution, not through the plugin API", List.of());
                }
                throw Problem.notFound("plugin", id);
            }
            remove(managed, caller, true);
            return null;
        });
    }

    /** @return every plugin: managed ones (running or failed) and those that came with the runtime, by id */
    public List<PluginView> list() {
        List<PluginView> views = new ArrayList<>();
        plugins.values().forEach(m -> views.add(view(m)));
        for (Bundle builtIn : bundles.builtIns()) {
            if (!plugins.containsKey(builtIn.getSymbolicName())) {
                views.add(view(builtIn, null));
            }
        }
        views.sort(Comparator.comparing(PluginView::id));
        return views;
    }

    /** @return plugin {@code id}, if it is listed */
    public Optional<PluginView> find(String id) {
        return list().stream().filter(v -> v.id().equals(id)).findFirst();
    }

    private Outcome apply(PluginJar jar, String origin, Caller caller, Duration bound, boolean audited)
            throws InterruptedException {
        bundles.refuseForeign(jar);
        Managed current = plugins.get(jar.id());
        Bundle old = current == null || current.bundle() == null
                || current.bundle().getState() == Bundle.UNINSTALLED ? null : current.bundle();
        if (old != null && current.sha256().equals(jar.sha256()) && health.problem(old).isEmpty()) {
            Managed same = current.with(origin, null);
            if (!origin.equals(current.origin())) {
                saveOrigin(jar.id(), origin);
            }
            plugins.put(jar.id(), same);
            return new Outcome(Change.UNCHANGED, view(same));
        }
        if (old != null) {
            bundles.refuseDependents(old, jar.id(), "replace");
        }
        Bundle candidate = bundles.installAndResolve(jar);
        if (old != null) {
            bundles.stop(old);
        }
        try {
            bundles.start(candidate, jar);
            List<String> problems = health.await(candidate, bound);
            if (!problems.isEmpty()) {
                throw Problem.unprocessable("Plugin does not start", jar.label() + " does not work: "
                        + String.join("; ", problems),
                        problems.stream().map(p -> new FieldError("Service-Component", p)).toList());
            }
            storage.save(jar.id(), jar.bytes(), origin);
        } catch (InterruptedException | RuntimeException | IOException failure) {
            bundles.discard(candidate, jar.id());
            if (old != null) {
                restart(old);
            }
            if (failure instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (failure instanceof IOException io) {
                throw new Problem(500, "storage-failed", "Plugin not stored", "The plugin started, but its jar could"
                        + " not be stored under the data folder, so it was rolled back: " + io.getMessage(), List.of());
            }
            throw (RuntimeException) failure;
        }
        if (old != null) {
            bundles.discard(old, jar.id());
        }
        Managed installed = new Managed(jar.id(), candidate, jar.version().toString(), jar.sha256(), origin, null);
        plugins.put(jar.id(), installed);
        gateway.forget(jar.id());
        if (audited) {
            audit.record(caller, old == null ? "PLUGIN_INSTALLED" : "PLUGIN_UPDATED", jar.id(),
                    old == null ? null : auditJson(current), auditJson(installed));
        }
        LOG.info((old == null ? "Installed " : "Updated ") + jar.label() + " (" + origin + ")");
        return new Outcome(old == null ? Change.INSTALLED : Change.UPDATED, view(installed));
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

    private void remove(Managed managed, Caller caller, boolean deleteDeployFile) throws InterruptedException {
        Bundle bundle = managed.bundle();
        if (bundle != null && bundle.getState() != Bundle.UNINSTALLED) {
            bundles.refuseDependents(bundle, managed.id(), "remove");
            bundles.discard(bundle, managed.id());
        }
        plugins.remove(managed.id());
        gateway.forget(managed.id());
        try {
            storage.delete(managed.id());
            if (deleteDeployFile && managed.origin().startsWith(DEPLOY_PREFIX)) {
                Files.deleteIfExists(deployDir.resolve(managed.origin().substring(DEPLOY_PREFIX.length())));
            }
        } catch (IOException e) {
            throw new Problem(500, "storage-failed", "Plugin file not deleted", managed.id() + " was uninstalled,"
                    + " but its jar could not be deleted and it would come back at the next start: "
                    + e.getMessage(), List.of());
        }
        if (bundle != null || deleteDeployFile) {
            audit.record(caller, "PLUGIN_UNINSTALLED", managed.id(), auditJson(managed), null);
            LOG.info("Uninstalled " + managed.id() + " " + managed.version() + " (" + managed.origin() + ")");
        }
    }

    /** Installs the stored plugins again at start-up; those that do not start are listed as FAILED. */
    private void restore() {
        try {
            locked(() -> {
                for (Bundle leftover : bundles.managed()) {
                    LOG.info("Uninstalling " + leftover.getLocation() + " left in the framework cache; the plugin store"
                            + " is installed instead");
                    bundles.discard(leftover, leftover.getSymbolicName());
                }
                List<PluginStorage.Stored> stored;
                try {
                    stored = storage.list();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (PluginStorage.Stored plugin : stored) {
                    if (!plugins.containsKey(plugin.id())) {
                        restore(plugin);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not reinstall the stored plugins", e);
        }
    }

    private void restore(PluginStorage.Stored stored) throws InterruptedException {
        PluginJar jar = null;
        try {
            if (stored.origin().startsWith(DEPLOY_PREFIX)
                    && !Files.exists(deployDir.resolve(stored.origin().substring(DEPLOY_PREFIX.length())))) {
                LOG.info("Not reinstalling " + stored.id() + ": its file was removed from the deploy folder while the"
                        + " runtime was stopped");
                storage.delete(stored.id());
                audit.record(DEPLOY_FOLDER, "PLUGIN_UNINSTALLED", stored.id(), null, null);
                return;
            }
            jar = readable(Files.readAllBytes(stored.jar()));
            if (jar == null || !jar.id().equals(stored.id())) {
                throw Problem.unprocessable("Stored plugin unusable", "the stored jar " + stored.jar()
                        + " is not the plugin " + stored.id(), List.of());
            }
            apply(jar, stored.origin(), null, RESTORE_BOUND, false);
        } catch (Problem | IOException e) {
            LOG.warning("Stored plugin " + stored.id() + " could not be started: " + e.getMessage());
            plugins.put(stored.id(), new Managed(stored.id(), null, jar == null ? null : jar.version().toString(),
                    jar == null ? null : jar.sha256(), stored.origin(),
                    "Could not be started when the runtime started: " + e.getMessage()));
        }
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
        if (managed.bundle() == null || managed.bundle().getState() == Bundle.UNINSTALLED) {
            return new PluginView(managed.id(), managed.version(), PluginState.FAILED, List.of(), managed.error());
        }
        return view(managed.bundle(), managed.error());
    }

    private PluginView view(Bundle bundle, String lastError) {
        Optional<String> problem = health.problem(bundle);
        return new PluginView(bundle.getSymbolicName(), bundle.getVersion().toString(),
                problem.isPresent() ? PluginState.FAILED : PluginState.ACTIVE, health.provides(bundle),
                problem.orElse(lastError));
    }

    private static JsonNode auditJson(Managed managed) {
        return JsonNodeFactory.instance.objectNode().put("id", managed.id()).put("version", managed.version())
                .put("sha256", managed.sha256()).put("origin", managed.origin());
    }

    private static PluginJar readable(byte[] bytes) {
        try {
            return PluginJar.read(bytes);
        } catch (Problem notAPlugin) {
            return null;
        }
    }
}
