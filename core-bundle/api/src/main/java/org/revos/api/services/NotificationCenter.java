package org.revos.api.services;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.model.Tenant;
import org.revos.api.spi.Notification;
import org.revos.api.spi.NotifierSubscription;

/** What tells a tenant's people something: its webhooks and the notifiers of the plugins enabled for it. */
@ProviderType
public interface NotificationCenter {

    /**
     * Sends a notification to the tenant's webhooks and to every enabled notifier that reaches people.
     *
     * @param person a user id, or {@code null} for the team
     * @return how many webhooks and notifiers took it (0: nobody was told)
     */
    int notify(Tenant tenant, String person, Notification notification);

    /** @return what the tenant's webhooks and notifiers announce */
    List<NotifierSubscription> subscriptions(Tenant tenant);
}
