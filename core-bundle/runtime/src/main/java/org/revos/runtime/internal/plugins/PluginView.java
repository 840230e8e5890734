package org.revos.runtime.internal.plugins;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plugin as {@code GET /api/v1/admin/plugins} shows it.
 *
 * @param version  the running version; for a plugin that never started, the version that failed
 * @param provides the extension points (SPI interfaces of {@code org.revos.api.*}) its services implement, ids such
 *                 as {@code kpi:hello_count} taken from {@code revos.<kind>.id} service properties, and its REST
 *                 operations such as {@code GET /api/v1/hello}
 * @param error    the last error: why it is FAILED, or why the last attempt to replace it failed; {@code null} if none
 */
public record PluginView(String id, String version, PluginState state, List<String> provides, String error) {

    public PluginView {
        provides = List.copyOf(provides);
    }

    /** @return the JSON of the admin API */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", id).put("version", version)
                .put("state", state.name());
        provides.forEach(json.putArray("provides")::add);
        json.put("error", error);
        return json;
    }
}
