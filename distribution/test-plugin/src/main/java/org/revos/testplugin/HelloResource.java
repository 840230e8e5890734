package org.revos.testplugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;

/**
 * {@code GET /api/v1/hello}: answers which plugin version served the request and for which tenant, with the greeting
 * the tenant's admin configured (or {@code null} when the tenant has no configuration of this plugin).
 */
@Component(service = HelloResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect("(osgi.jakartars.name=revos)")
@Path("hello")
public final class HelloResource {

    private final HelloCounter counter;
    private final RecordingNotifier notifier;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<TenantGreeting> greetings;

    @Activate
    public HelloResource(@Reference HelloCounter counter, @Reference RecordingNotifier notifier) {
        this.counter = counter;
        this.notifier = notifier;
    }

    /** {@code GET /api/v1/hello/inbox}: what the test notifier was asked to deliver for the caller's tenant. */
    @GET
    @Path("inbox")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> inbox(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        return Map.of("items", notifier.inbox(caller.tenantId()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> hello(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        counter.count(caller.tenantId());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("plugin", "hello");
        answer.put("version", FrameworkUtil.getBundle(HelloResource.class).getVersion().toString());
        answer.put("tenant", caller.tenantId());
        answer.put("greeting", greetings.stream().filter(g -> g.tenant().equals(caller.tenantId()))
                .map(TenantGreeting::greeting).findFirst().orElse(null));
        return answer;
    }
}
