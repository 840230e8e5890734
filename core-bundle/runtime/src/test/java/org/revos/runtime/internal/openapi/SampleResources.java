package org.revos.runtime.internal.openapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.revos.api.model.StageCategory;

/** Resource classes shaped like plugins write them, for the generator to read. */
final class SampleResources {

    private SampleResources() {
    }

    /** Annotations on an interface are inherited by the class that implements it. */
    public interface Greeting {
        @GET
        @Path("hello/{name: [a-z]+}")
        @Produces("text/plain")
        String hello(@PathParam("name") String name, @QueryParam("times") @DefaultValue("1") int times);
    }

    @Path("/greetings/")
    public static class GreetingResource implements Greeting {
        @Override
        public String hello(String name, int times) {
            return ("hello " + name).repeat(times);
        }

        /** Not a resource method: no Jakarta REST annotation anywhere. */
        public String helper() {
            return "";
        }
    }

    public record Line(String name, long cents) {
    }

    public record Forecast(String quarter, BigDecimal amount, List<Line> lines, Optional<Instant> at,
            StageCategory category, Set<String> labels, Map<String, Integer> counts) {
    }

    /** Query and header parameters gathered in a bean. */
    public static class Paging {
        @QueryParam("page")
        int page;
        @HeaderParam("X-Trace")
        String trace;
    }

    @Path("forecasts")
    public static class ForecastResource {
        @GET
        public List<Forecast> all(@BeanParam Paging paging, @Context SecurityContext security) {
            return List.of();
        }

        @POST
        public Forecast create(Forecast forecast) {
            return forecast;
        }

        @Path("{id}/notes")
        public Notes notes(@PathParam("id") String id) {
            return new Notes();
        }

        @PUT
        @Path("{id}/title")
        public Response rename(@PathParam("id") String id, @FormParam("title") String title) {
            return Response.ok().build();
        }
    }

    /** A sub-resource, reached through {@link ForecastResource#notes}. */
    public static class Notes {
        @GET
        public Map<String, String> list() {
            return Map.of();
        }

        @DELETE
        @Path("{noteId}")
        public void delete(@PathParam("noteId") String noteId) {
        }
    }

    /** A generic base class whose type variable the concrete resource fixes. */
    public abstract static class Store<T> {
        @POST
        public T put(T value) {
            return value;
        }
    }

    @Path("lines")
    public static class LineStore extends Store<Line> {
    }

    /** A plugin's own type that happens to share a name with a core collection's schema. */
    public record Account(String id, int score) {
    }

    @Path("scores")
    public static class ScoresResource {
        @GET
        public List<Account> scores() {
            return List.of();
        }
    }

    /** Serves the same path and method as the core's accounts list: the first one described wins. */
    @Path("accounts")
    public static class ShadowAccounts {
        @GET
        public String list() {
            return "";
        }
    }

    /** No {@code @Path} on the class: not a root resource. */
    public static class NotAResource {
        @GET
        public String get() {
            return "";
        }
    }
}
