package ${package};

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;

/**
 * {@code GET /api/v1/greeting?name=Ann}: greets the caller in the name of their tenant. The RevOS application
 * authenticates every request before the resource sees it, so the principal is always a {@link Caller} of one tenant;
 * any tenant role may GET. Errors leave as problem JSON (RFC 9457) when thrown as {@code WebApplicationException}
 * (such as {@link BadRequestException}).
 */
@Component(service = GreetingResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect("(osgi.jakartars.name=revos)")
@Path("greeting")
public final class GreetingResource {

    static final int MAX_NAME = 100;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get(@Context SecurityContext security, @QueryParam("name") String name) {
        try {
            return greet((Caller) security.getUserPrincipal(), name);
        } catch (IllegalArgumentException refused) {
            // The runtime answers a WebApplicationException as problem JSON with its message as the detail.
            throw new BadRequestException(refused.getMessage());
        }
    }

    /**
     * What {@code GET /greeting} answers, apart from the HTTP plumbing: testable without a runtime.
     *
     * @throws IllegalArgumentException when the name is too long to print
     */
    Map<String, Object> greet(Caller caller, String name) {
        String who = name == null || name.isBlank() ? "there" : name.strip();
        if (who.length() > MAX_NAME) {
            throw new IllegalArgumentException("name must be at most " + MAX_NAME + " characters long");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("greeting", "Hello, " + who + "!");
        answer.put("tenant", caller.tenantId());
        answer.put("role", caller.role().name());
        return answer;
    }
}
