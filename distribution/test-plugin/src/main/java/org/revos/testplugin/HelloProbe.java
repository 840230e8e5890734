package org.revos.testplugin;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;

/** A probe a plugin contributes for its own feature: done once the tenant has been greeted at /api/v1/hello. */
@Component(service = AdoptionProbe.class)
public final class HelloProbe implements AdoptionProbe {

    private final HelloCounter counter;

    @Activate
    public HelloProbe(@Reference HelloCounter counter) {
        this.counter = counter;
    }

    @Override
    public String id() {
        return "hello-greeted";
    }

    @Override
    public AdoptionTactic tactic() {
        return AdoptionTactic.TRAIN;
    }

    @Override
    public String label() {
        return "the team said hello to the test plugin";
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        long count = counter.of(context.data().tenant().id());
        return count > 0 ? ProbeResult.done(count + " hello(s) so far")
                : ProbeResult.missing("no hello yet", "call GET /api/v1/hello");
    }
}
