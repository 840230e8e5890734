package org.revos.testkit.runtime;

import java.util.Map;

/**
 * The tenant a test class was given, and the plugin installed for the run.
 *
 * @param id       the tenant's id
 * @param admin    a client bound to the tenant's ADMIN key
 * @param pluginId the installed plugin's id (its bundle symbolic name); {@code null} when none was installed
 * @param process  the runtime, for its platform-admin client, folders and log
 */
public record RuntimeTenant(String id, RevosClient admin, String pluginId, RevosProcess process) {

    /** @return a client bound to a new key of this tenant with {@code role} ({@code MEMBER}, {@code READ_ONLY}, ...) */
    public RevosClient key(String role) {
        String key = process.platformAdmin().post("/admin/tenants/" + id + "/api-keys",
                Map.of("name", role.toLowerCase(java.util.Locale.ROOT) + " key", "role", role)).expect(201)
                .get("key").asText();
        return process.client(key);
    }

    /**
     * Enables the installed plugin for this tenant with {@code config}, as a platform admin does with
     * {@code PUT /api/v1/admin/tenants/{id}/plugins/{pluginId}}; the config reaches the plugin as a ConfigAdmin
     * factory configuration.
     */
    public RevosClient.Reply configurePlugin(Map<String, Object> config) {
        if (pluginId == null) {
            throw new IllegalStateException("No plugin was installed for this run");
        }
        RevosClient.Reply reply = process.platformAdmin().put("/admin/tenants/" + id + "/plugins/" + pluginId,
                Map.of("enabled", true, "config", config));
        reply.expect(200);
        return reply;
    }
}
