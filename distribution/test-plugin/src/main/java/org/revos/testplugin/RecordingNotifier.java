package org.revos.testplugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.Tenant;
import org.revos.api.spi.Notification;
import org.revos.api.spi.Notifier;
import org.revos.api.spi.NotifierSubscription;

/**
 * A notifier that keeps what it is asked to deliver, per tenant, so tests can read it back at
 * {@code GET /api/v1/hello/inbox}. A tenant's configuration ({@code announce}) says which events it announces.
 */
@Component(service = { Notifier.class, RecordingNotifier.class })
public final class RecordingNotifier implements Notifier {

    private final Map<String, List<Map<String, Object>>> inbox = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<TenantGreeting> greetings;

    @Override
    public String channel() {
        return "test-inbox";
    }

    @Override
    public void deliver(Tenant tenant, String target, Notification notification) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("target", target);
        entry.put("topic", notification.topic());
        entry.put("title", notification.title());
        entry.put("text", notification.text());
        entry.put("data", notification.data());
        inbox.computeIfAbsent(tenant.id(), t -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(entry);
    }

    @Override
    public List<NotifierSubscription> subscriptions(Tenant tenant) {
        return greetings.stream().filter(g -> g.tenant().equals(tenant.id()) && !g.announce().isEmpty())
                .map(g -> new NotifierSubscription(channel(), "the test inbox", g.announce())).toList();
    }

    /** @return what was delivered for the tenant, oldest first */
    List<Map<String, Object>> inbox(String tenantId) {
        List<Map<String, Object>> list = inbox.getOrDefault(tenantId, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }
}
