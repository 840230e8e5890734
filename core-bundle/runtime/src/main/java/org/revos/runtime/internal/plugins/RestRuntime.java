package org.revos.runtime.internal.plugins;

import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;

/**
 * The Jakarta REST whiteboard as the plugin lifecycle sees it. The whiteboard may come and go (it restarts when its
 * configuration changes), so it is referenced dynamically: without it there is nothing to check a plugin's REST
 * resources against.
 */
@Component(service = RestRuntime.class)
public final class RestRuntime {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JakartarsServiceRuntime whiteboard;

    /** @return the status of the given resource and extension services; empty when no whiteboard is running */
    public Optional<RestStatus> status(Set<Long> serviceIds) {
        JakartarsServiceRuntime current = whiteboard;
        return current == null ? Optional.empty() : Optional.of(RestStatus.of(current.getRuntimeDTO(), serviceIds));
    }
}
