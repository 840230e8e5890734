package org.revos.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.Tenant;

/**
 * Delivers notifications to a channel: a chat webhook, a mail gateway. The runtime calls it in two ways:
 * <ul>
 * <li>{@link #deliver} for a notification meant for a person (an adoption reminder to an item's owner) or for the
 * team, which the notifier delivers its own way;</li>
 * <li>{@link #send} for one delivery of a domain event to a target the tenant configured for this channel (a
 * webhook), from the runtime's delivery queue, which retries failures with exponential back-off and dead-letters
 * what keeps failing.</li>
 * </ul>
 */
@ConsumerType
public interface Notifier {

    /** @return the channel name, as notification targets name it (for example {@code webhook}) */
    String channel();

    /**
     * @param target the person it is for (a user id), or {@code null} for the team
     * @throws Exception when delivery failed
     */
    void deliver(Tenant tenant, String target, Notification notification) throws Exception;

    /**
     * Delivers one notification to one target of this channel. Throwing makes the runtime retry later.
     *
     * @param deliveryId the same on every attempt of the same delivery, so receivers can drop repeats
     * @throws Exception when the target did not take it
     */
    default void send(Tenant tenant, NotificationTarget target, String deliveryId, Notification notification)
            throws Exception {
        throw new UnsupportedOperationException(channel() + " has no configurable targets");
    }

    /**
     * @return whether {@link #deliver} reaches people; a notifier that only delivers to configured targets (a
     *         webhook) answers {@code false} and gets its notifications through {@link #send} alone
     */
    default boolean deliversToPeople() {
        return true;
    }

    /**
     * @return what this notifier is set up to announce for the tenant, beyond the targets the runtime knows (adoption
     *         checklists look for a celebration of the initiative's win event); none by default
     */
    default List<NotifierSubscription> subscriptions(Tenant tenant) {
        return List.of();
    }
}
