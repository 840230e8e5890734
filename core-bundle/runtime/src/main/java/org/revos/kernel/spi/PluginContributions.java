package org.revos.kernel.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;

/**
 * The services plugins registered for one extension point an engine consumes (adoption probes, enrichment
 * providers), and which of them a tenant has: an engine holds one, feeds it from its dynamic multiple reference's
 * bind and unbind methods, and asks it for a tenant's before calling them through {@link PluginCalls}.
 *
 * @param <S> the extension point
 */
public final class PluginContributions<S> {

    /** One enabled plugin's service, with the plugin id {@link PluginCalls#call} takes. */
    public record Contribution<S>(String pluginId, S service) {
    }

    private final Map<ServiceReference<S>, S> services = new ConcurrentHashMap<>();

    public void add(ServiceReference<S> ref, S service) {
        services.put(ref, service);
    }

    public void remove(ServiceReference<S> ref) {
        services.remove(ref);
    }

    /** @return the services of the plugins enabled for {@code tenantId}, highest service ranking first */
    public List<Contribution<S>> enabledFor(PluginCalls plugins, String tenantId) {
        List<Map.Entry<ServiceReference<S>, S>> ordered = new ArrayList<>(services.entrySet());
        ordered.sort(Map.Entry.comparingByKey((a, b) -> b.compareTo(a)));
        List<Contribution<S>> out = new ArrayList<>();
        for (Map.Entry<ServiceReference<S>, S> e : ordered) {
            String pluginId = plugins.pluginId(e.getKey());
            if (plugins.enabled(tenantId, pluginId)) {
                out.add(new Contribution<>(pluginId, e.getValue()));
            }
        }
        return out;
    }
}
