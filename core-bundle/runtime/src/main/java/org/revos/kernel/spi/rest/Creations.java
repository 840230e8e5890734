package org.revos.kernel.spi.rest;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.Response;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.TenantTransaction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Creations that happen once per {@code Idempotency-Key}: the first request runs the write in one transaction of the
 * caller's tenant and its answer is kept for 24 hours; the same key with the same request answers the kept answer
 * (header {@code Idempotent-Replayed: true}), with another request a 409. Keys are scoped to the calling API key. A
 * service of the kernel, for engines' resources that create something other than a collection's object.
 */
@ProviderType
public interface Creations {

    /** What a creation made: its path under {@code /api/v1} and the body of the 201. */
    record Created(String location, JsonNode body) {
    }

    /**
     * @param idempotencyKey the request's {@link CollectionResource#IDEMPOTENCY_KEY} header, or {@code null}
     * @param fingerprint    what makes two requests "the same": method, path and body
     * @param write          the creation, run in one transaction
     * @param kept           what of the answer may be kept for replays (a secret shown once is taken out)
     * @return 201 with the created body and its {@code Location}, or the replay
     */
    Response create(Caller caller, String idempotencyKey, String fingerprint,
            Function<TenantTransaction, Created> write, UnaryOperator<JsonNode> kept);
}
