package org.revos.runtime.internal.plugins;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantPluginEntity;
import org.revos.runtime.internal.persistence.Tx;

/**
 * Which plugins are enabled for which tenant. A plugin is enabled for every tenant unless an admin disabled it for
 * one; the answer is cached and the cache is updated by every change made through this service.
 */
@Component(service = TenantPlugins.class)
public final class TenantPlugins {

    private final Store store;
    private final Map<String, Optional<TenantPluginEntity>> cache = new ConcurrentHashMap<>();

    @Activate
    public TenantPlugins(@Reference Store store) {
        this.store = store;
    }

    /** @return whether {@code pluginId} contributes to {@code tenantId}'s answers */
    public boolean isEnabled(String tenantId, String pluginId) {
        return setting(tenantId, pluginId).map(s -> s.enabled).orElse(true);
    }

    /** @return the stored setting, empty when the admin never set one (enabled, no configuration) */
    public Optional<TenantPluginEntity> setting(String tenantId, String pluginId) {
        return cache.computeIfAbsent(key(tenantId, pluginId),
                k -> Optional.ofNullable(store.readPlatform(em -> em.find(TenantPluginEntity.class, k))));
    }

    /** @return every stored setting of a tenant */
    public List<TenantPluginEntity> settings(String tenantId) {
        return store.readPlatform(em -> em.createQuery(
                "SELECT s FROM TenantPluginEntity s WHERE s.tenantId = :t ORDER BY s.pluginId", TenantPluginEntity.class)
                .setParameter("t", tenantId).getResultList());
    }

    /** Writes a setting in the caller's transaction; readers see it once that transaction commits. */
    public TenantPluginEntity put(Tx tx, String tenantId, String pluginId, boolean enabled, String configJson) {
        String key = key(tenantId, pluginId);
        TenantPluginEntity setting = tx.em().find(TenantPluginEntity.class, key);
        if (setting == null) {
            setting = new TenantPluginEntity();
            setting.id = key;
            setting.tenantId = tenantId;
            setting.pluginId = pluginId;
            tx.em().persist(setting);
        }
        setting.enabled = enabled;
        setting.configJson = configJson;
        setting.updatedAt = tx.now();
        cache.remove(key);
        return setting;
    }

    /** Forgets cached answers after a commit, so the next read sees it. */
    public void invalidate(String tenantId, String pluginId) {
        cache.remove(key(tenantId, pluginId));
    }

    private static String key(String tenantId, String pluginId) {
        return tenantId + "/" + pluginId;
    }
}
