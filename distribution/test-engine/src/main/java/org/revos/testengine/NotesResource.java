package org.revos.testengine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.TenantStore;

/** {@code /api/v1/test-notes}: the caller's tenant's notes, written with an audit entry in the same transaction. */
@Component(service = NotesResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect("(osgi.jakartars.name=revos)")
@Path("test-notes")
public final class NotesResource {

    private final TenantStore store;

    @Activate
    public NotesResource(@Reference TenantStore store) {
        this.store = store;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(Map<String, Object> body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        Object text = body == null ? null : body.get("text");
        if (!(text instanceof String s) || s.isBlank()) {
            return Response.status(400).type("application/problem+json").entity(Map.of("status", 400, "title",
                    "Invalid request", "detail", "text: is required")).build();
        }
        Map<String, Object> note = store.transaction(caller.tenantId(), caller, tx -> {
            NoteEntity entity = new NoteEntity();
            entity.id = "note_" + UUID.randomUUID().toString().replace("-", "");
            entity.text = s;
            entity.createdAt = tx.now();
            entity.updatedAt = tx.now();
            tx.em().persist(entity);
            Map<String, Object> view = view(entity);
            tx.audit("TEST_NOTE_CREATED", "TEST_NOTE", entity.id, null, view);
            return view;
        });
        return Response.status(201).entity(note).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> list(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        List<Map<String, Object>> items = store.query(caller.tenantId(), em -> em.createQuery(
                "SELECT n FROM TestEngineNote n ORDER BY n.createdAt, n.id", NoteEntity.class).getResultList().stream()
                .map(NotesResource::view).toList());
        return Map.of("items", items);
    }

    private static Map<String, Object> view(NoteEntity entity) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entity.id);
        view.put("text", entity.text);
        return view;
    }
}
