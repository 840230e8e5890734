package org.revos.api.spi;

import java.util.List;

/**
 * What a notifier is set up to announce for a tenant: the event topics one of its targets receives.
 *
 * @param target a description of the receiver that reveals no secret (for example the webhook's host)
 * @param topics the event topics delivered there ({@code org/revos/deal/WON}, ...)
 */
public record NotifierSubscription(String channel, String target, List<String> topics) {
    public NotifierSubscription {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
