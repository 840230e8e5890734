package org.revos.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * A place a tenant configured for notifications of one channel, such as a chat webhook.
 *
 * @param id      the target's id, sent along so receivers can tell targets apart
 * @param address where to deliver, such as the webhook's URL
 * @param secret  the shared secret the notifier signs each delivery with; never logged or shown
 * @param topics  the event topics the target receives ({@code org/revos/*} style wildcards allowed)
 */
public record NotificationTarget(String id, String channel, String address, String secret, List<String> topics) {
    public NotificationTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** @return a description that reveals no secret: the address without path or query */
    @Override
    public String toString() {
        return channel + " " + address.replaceAll("^(\\w+://[^/?#]+).*$", "$1");
    }
}
