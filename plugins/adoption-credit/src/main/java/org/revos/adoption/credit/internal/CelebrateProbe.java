package org.revos.adoption.credit.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;

/** CELEBRATE: a notifier announces the initiative's win event (a deal won, by default) to the team. */
@Component(service = AdoptionProbe.class)
public final class CelebrateProbe implements AdoptionProbe {

    @Override
    public String id() {
        return "celebrate-win-event";
    }

    @Override
    public AdoptionTactic tactic() {
        return AdoptionTactic.CELEBRATE;
    }

    @Override
    public String label() {
        return "a notifier celebrates the win event";
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        String event = context.initiative().winEvent();
        List<String> announcing = context.subscriptions().stream()
                .filter(s -> s.topics().stream().anyMatch(t -> matches(t, event)))
                .map(s -> s.channel() + " " + s.target()).toList();
        if (!announcing.isEmpty()) {
            return ProbeResult.done(event + " is announced by " + String.join(", ", announcing));
        }
        return ProbeResult.missing(context.subscriptions().size() + " notifier subscription(s), none for " + event,
                "subscribe a notifier (such as a chat webhook) to " + event + " so every win is celebrated");
    }

    /** A topic matches itself, and {@code org/revos/*}-style wildcards match what they prefix. */
    static boolean matches(String subscribed, String event) {
        if (subscribed.equals("*") || subscribed.equals(event)) {
            return true;
        }
        return subscribed.endsWith("/*") && event.startsWith(subscribed.substring(0, subscribed.length() - 1));
    }
}
