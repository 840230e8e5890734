package org.revos.runtime.internal.rest;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.rest.Creations;

import com.fasterxml.jackson.databind.JsonNode;

/** The kernel's {@link Idempotency} as engines' resources use it. */
@Component(service = Creations.class)
public final class IdempotentCreations implements Creations {

    private final Idempotency idempotency;

    @Activate
    public IdempotentCreations(@Reference Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Override
    public Response create(Caller caller, String idempotencyKey, String fingerprint,
            Function<TenantTransaction, Created> write, UnaryOperator<JsonNode> kept) {
        return idempotency.post(caller.tenantId(), caller, idempotencyKey, fingerprint, tx -> {
            Created created = write.apply(tx);
            return Answer.created(created.location(), created.body());
        }, answer -> new Answer(answer.status(), kept.apply(answer.body()), answer.location()));
    }
}
