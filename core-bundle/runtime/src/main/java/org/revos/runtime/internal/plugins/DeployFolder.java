package org.revos.runtime.internal.plugins;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.revos.runtime.internal.settings.Settings;

/**
 * The deploy folder ({@code REVOS_DEPLOY_DIR}): Felix FileInstall watches it and hands every {@code *.jar} in it to
 * this installer instead of installing it itself, so folder deployments take the same transactional path as uploads.
 * A file added or changed installs or updates its plugin; a file deleted uninstalls it. Work is queued on a thread of
 * its own so that FileInstall's threads (and Configuration Admin's, during its first scan) never wait for a plugin to
 * start; failures are logged and listed by the admin API, never thrown back.
 */
@Component(service = ArtifactInstaller.class, property = DeployFolder.MARKER + "=true")
public final class DeployFolder implements ArtifactInstaller {

    /** Service property that tells this installer from other FileInstall listeners. */
    static final String MARKER = "revos.deploy";

    private static final Logger LOG = Logger.getLogger(DeployFolder.class.getName());

    private final PluginInstaller installer;
    private final Path dir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "revos-deploy-folder");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DeployFolder(@Reference PluginInstaller installer, @Reference Settings settings) throws IOException {
        this.installer = installer;
        this.dir = settings.current().deployDir();
        Files.createDirectories(dir);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public boolean canHandle(File artifact) {
        File parent = artifact.getAbsoluteFile().getParentFile();
        return artifact.getName().endsWith(".jar") && parent != null
                && parent.toPath().normalize().equals(dir);
    }

    @Override
    public void install(File artifact) {
        worker.execute(() -> installFrom(artifact));
    }

    @Override
    public void update(File artifact) {
        worker.execute(() -> installFrom(artifact));
    }

    @Override
    public void uninstall(File artifact) {
        worker.execute(() -> installer.removeDeployed(artifact.getName()));
    }

    private void installFrom(File artifact) {
        byte[] jar;
        try {
            jar = Files.readAllBytes(artifact.toPath());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Deploy folder: cannot read " + artifact, e);
            return;
        }
        installer.installFromFolder(artifact.getName(), jar);
    }
}
