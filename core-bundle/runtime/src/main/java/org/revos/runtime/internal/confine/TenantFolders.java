package org.revos.runtime.internal.confine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.TenantFiles;
import org.revos.runtime.internal.settings.Settings;

/**
 * The tenants' own folders, {@code REVOS_DATA_DIR/tenants/<tenantId>/files/}, created on demand, and the only way a
 * name a tenant gave becomes a path. A name must meet {@link FileNameRules}; it is then resolved inside the folder,
 * normalised, and the real path of its deepest existing part (the file itself when it exists) must still be inside
 * the folder's real path, so a link that leads out is refused as much as {@code ..} is. Offered to plugins as
 * {@link TenantFiles}.
 */
@Component(service = { TenantFolders.class, TenantFiles.class })
public final class TenantFolders implements TenantFiles {

    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path tenants;

    @Activate
    public TenantFolders(@Reference Settings settings) {
        this(settings.current().dataDir().resolve("tenants"));
    }

    /** @param tenants the folder that holds one folder per tenant */
    public TenantFolders(Path tenants) {
        this.tenants = tenants.toAbsolutePath().normalize();
    }

    /** @return the real path of the tenant's folder, created when it did not exist */
    public Path folder(String tenantId) throws IOException {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("'" + tenantId + "' is not a tenant id");
        }
        return Files.createDirectories(tenants.resolve(tenantId).resolve("files")).toRealPath();
    }

    /**
     * @throws RefusedPath saying why the name does not stay inside the tenant's folder
     */
    @Override
    public Path resolve(String tenantId, String name) throws IOException {
        FileNameRules.check(name);
        Path folder = folder(tenantId);
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(folder) || target.equals(folder)) {
            throw new RefusedPath("leads out of the tenant's folder; name a file inside it");
        }
        Path existing = target;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (NoSuchFileException e) {
            throw new RefusedPath("leads through a link that points nowhere; name a file inside the tenant's folder");
        }
        if (!real.startsWith(folder)) {
            throw new RefusedPath("leads out of the tenant's folder through a link; name a file inside it");
        }
        return real.resolve(existing.relativize(target));
    }
}
