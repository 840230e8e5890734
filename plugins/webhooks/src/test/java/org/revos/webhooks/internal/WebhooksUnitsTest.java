package org.revos.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.spi.Notification;

import com.fasterxml.jackson.databind.JsonNode;

/** The webhooks engine's own rules: subscriptions, the documented bodies, secrets and the queued notifications. */
class WebhooksUnitsTest {

    @Test
    void aSubscriptionIsATopicAPrefixOrEverything() {
        assertTrue(Topics.matches("*", "org/revos/deal/WON"));
        assertTrue(Topics.matches("org/revos/deal/WON", "org/revos/deal/WON"));
        assertTrue(Topics.matches("org/revos/deal/*", "org/revos/deal/WON"));
        assertFalse(Topics.matches("org/revos/deal/*", "org/revos/dealer/WON"), "a prefix ends at a slash");
        assertFalse(Topics.matches("org/revos/deal/LOST", "org/revos/deal/WON"));
        assertTrue(Topics.anyMatches(List.of("org/revos/credit/*", "org/revos/deal/WON"), "org/revos/deal/WON"));
        assertFalse(Topics.SUBSCRIPTION.matcher("com/example/*").matches(), "only RevOS topics are subscribed to");
        assertFalse(Topics.SUBSCRIPTION.matcher("org/revos/**").matches());
    }

    @Test
    void theDocumentedBodiesSayWhatACreationNeedsAndAdmitNothingElse() {
        JsonNode create = WebhooksResource.createSchema();
        assertEquals(List.of("events", "url"), sorted(create.get("required")));
        assertFalse(create.path("additionalProperties").asBoolean(true), create::toString);
        JsonNode patch = WebhooksResource.patchSchema();
        assertTrue(patch.path("required").isEmpty(), "a patch changes what it sends: " + patch);
        assertEquals("^usr_[0-9A-HJKMNP-TV-Z]{26}$", create.at("/properties/ownerId/pattern").asText(),
                create.toString());
    }

    @Test
    void aGeneratedSecretIsLongRandomAndNamed() {
        String one = WebhooksResource.newSecret();
        assertTrue(one.matches("whsec_[A-Za-z0-9_-]{43}"), one);
        assertNotEquals(one, WebhooksResource.newSecret());
    }

    @Test
    void aQueuedNotificationReadsBackAsItWasSent() {
        Notification sent = new Notification("org/revos/adoption/REMINDER", "Reminder", "Ana, a reminder",
                Map.of("due", "2026-12-15", "overdue", true, "attempts", 3));
        assertEquals(sent, Notifications.notification(Notifications.json(sent)));
    }

    private static List<String> sorted(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        out.sort(null);
        return out;
    }
}
