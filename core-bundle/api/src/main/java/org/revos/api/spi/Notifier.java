package org.revos.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.Tenant;

/** Delivers notifications to a channel (a chat webhook, say). */
@ConsumerType
public interface Notifier {

    /** @return the channel name, as notification rules select it */
    String channel();

    /** @throws Exception when delivery failed; the runtime records it and retries with back-off */
    void deliver(Tenant tenant, String target, Notification notification) throws Exception;

    /**
     * @return what this notifier is set up to announce for the tenant (adoption checklists look for a
     *         celebration of the initiative's win event); none by default
     */
    default java.util.List<NotifierSubscription> subscriptions(Tenant tenant) {
        return java.util.List.of();
    }
}
