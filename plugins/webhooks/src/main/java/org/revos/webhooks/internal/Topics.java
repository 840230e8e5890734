package org.revos.webhooks.internal;

import java.util.List;
import java.util.regex.Pattern;

/** Event topics as webhooks subscribe to them: exact, {@code org/revos/*}-style prefixes, or {@code *}. */
final class Topics {

    static final Pattern SUBSCRIPTION = Pattern.compile("\\*|org/revos(/[A-Za-z0-9_]+)*(/\\*)?");

    private Topics() {
    }

    static boolean matches(String subscribed, String topic) {
        if (subscribed.equals("*") || subscribed.equals(topic)) {
            return true;
        }
        return subscribed.endsWith("/*") && topic.startsWith(subscribed.substring(0, subscribed.length() - 1));
    }

    static boolean anyMatches(List<String> subscribed, String topic) {
        return subscribed.stream().anyMatch(s -> matches(s, topic));
    }
}
