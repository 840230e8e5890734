package org.revos.integration.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.spi.Notification;
import org.revos.api.spi.NotificationTarget;
import org.revos.api.spi.Notifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code webhook} channel: posts each delivery as incoming-webhook JSON to the target's URL, signed with its
 * secret ({@link Signature}), and counts any answer but 2xx — or no answer within 5 s — as a failure for the runtime
 * to retry. It reaches people only through the webhooks a tenant configured. Redirects are never followed: the
 * runtime checks a webhook's address (not its own host, not a private network) right before each send, and a
 * redirect would lead past that check to an address nobody checked.
 */
@Component(service = Notifier.class)
public final class WebhookNotifier implements Notifier {

    static final String CHANNEL = "webhook";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RevosData data;
    /** Made on the first delivery: building an HttpClient takes about half a second, too long for the start. */
    private volatile HttpClient http;

    @Activate
    public WebhookNotifier(@Reference RevosData data) {
        this.data = data;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean deliversToPeople() {
        return false;
    }

    @Override
    public void deliver(Tenant tenant, String target, Notification notification) {
        throw new UnsupportedOperationException("the webhook channel delivers to configured webhooks only");
    }

    @Override
    public void send(Tenant tenant, NotificationTarget target, String deliveryId, Notification notification)
            throws IOException, InterruptedException {
        String body = body(notification, deliveryId, tenant);
        long now = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.address())).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("User-Agent", "RevOS-Webhooks/1")
                .header("X-RevOS-Delivery", deliveryId).header("X-RevOS-Event", notification.topic())
                .header(Signature.HEADER, Signature.header(target.secret(), now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 3) {
            throw new IOException("HTTP " + response.statusCode() + " from " + target + ": a webhook receiver must"
                    + " answer itself; redirects are not followed");
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " from " + target);
        }
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                c = http;
            }
        }
        return c;
    }

    private String body(Notification n, String deliveryId, Tenant tenant) {
        try {
            return JSON.writeValueAsString(Messages.payload(n, deliveryId, data.forTenant(tenant.id())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
