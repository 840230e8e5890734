package org.revos.integration.webhook.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.revos.api.event.RevosEvents;
import org.revos.api.model.Account;
import org.revos.api.model.Deal;
import org.revos.api.model.User;
import org.revos.api.query.TenantData;
import org.revos.api.spi.Notification;

/**
 * Turns a notification into the incoming-webhook shape chat tools accept: {@code {"text": ..., "blocks": [...]}},
 * with the event and its details under {@code revos} for receivers that want more than text. Domain events get
 * templated messages: a won deal is celebrated, an account turning green is announced with its handover, a stage
 * change says what moved where; the runtime's own notifications (reminders, dead letters) keep their text.
 */
final class Messages {

    private Messages() {
    }

    static Map<String, Object> payload(Notification n, String deliveryId, TenantData data) {
        String text = text(n, data);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", text);
        out.put("blocks", List.of(
                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text)),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                        "text", "RevOS · " + n.topic())))));
        Map<String, Object> revos = new LinkedHashMap<>();
        revos.put("deliveryId", deliveryId);
        revos.put("topic", n.topic());
        revos.put("tenant", data.tenant().id());
        revos.put("data", n.data());
        out.put("revos", revos);
        return out;
    }

    static String text(Notification n, TenantData data) {
        String id = string(n.data().get(RevosEvents.OBJECT_ID));
        return switch (n.topic()) {
            case RevosEvents.DEAL_WON -> data.deal(id).map(d -> won(d, data))
                    .orElse(":tada: A deal was won (" + id + ")");
            case RevosEvents.ACCOUNT_GREEN -> data.account(string(n.data().get(RevosEvents.ACCOUNT_ID)))
                    .map(a -> green(a, string(n.data().get(RevosEvents.NEW_OWNER_ID)), data))
                    .orElse(":large_green_circle: An account turned green");
            case RevosEvents.STAGE_CHANGED -> moved(n, id, data);
            default -> n.text() == null || n.text().equals(n.topic()) ? "RevOS: " + n.topic() + details(n)
                    : n.text();
        };
    }

    private static String won(Deal d, TenantData data) {
        String who = name(data.user(d.ownerId()));
        String account = data.account(d.accountId()).map(Account::name).orElse("an account");
        return ":tada: *" + d.name() + "* won" + (who == null ? "" : " by " + who) + " — "
                + money(d.arrCents(), data) + " ARR with " + account + ". Congratulations!";
    }

    private static String green(Account a, String newOwner, TenantData data) {
        String handed = newOwner == null ? "" : "; it is now looked after by " + Optional.ofNullable(
                name(data.user(newOwner))).orElse(newOwner);
        return ":large_green_circle: *" + a.name() + "* reached its threshold and turned green: its orange"
                + " credit is now green credit" + handed + ".";
    }

    private static String moved(Notification n, String id, TenantData data) {
        String type = string(n.data().get(RevosEvents.OBJECT_TYPE));
        String name = "DEAL".equals(type) ? data.deal(id).map(Deal::name).orElse(id)
                : "LEAD".equals(type) ? data.lead(id).map(l -> l.name() != null ? l.name() : l.email()).orElse(id)
                        : id;
        String from = string(n.data().get(RevosEvents.FROM_STAGE));
        return (type == null ? "Object" : type.charAt(0) + type.substring(1).toLowerCase()) + " *" + name + "* moved "
                + (from == null ? "into " : "from " + from + " to ") + string(n.data().get(RevosEvents.STAGE))
                + " (" + string(n.data().get(RevosEvents.PIPELINE)) + ").";
    }

    private static String details(Notification n) {
        Object id = n.data().get(RevosEvents.OBJECT_ID);
        return id == null ? "" : " (" + n.data().get(RevosEvents.OBJECT_TYPE) + " " + id + ")";
    }

    private static String money(long cents, TenantData data) {
        return data.tenant().currency() + " " + String.format("%,.2f", BigDecimal.valueOf(cents, 2));
    }

    private static String name(Optional<User> user) {
        return user.map(User::name).orElse(null);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
