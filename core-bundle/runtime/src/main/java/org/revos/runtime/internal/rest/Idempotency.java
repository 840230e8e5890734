package org.revos.runtime.internal.rest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Daemons;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.runtime.internal.persistence.IdempotencyEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.Tx;
import org.revos.runtime.internal.security.Secrets;

/**
 * {@code Idempotency-Key} on POST: the first successful answer is stored in the transaction of the write itself, so
 * a retry with the same key and body within 24 hours gets that answer and writes nothing; the same key with another
 * body is a 409. Keys are scoped to the calling API key: two clients cannot collide.
 */
@Component(service = Idempotency.class)
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(Idempotency.class.getName());

    private final Store store;
    private final ScheduledExecutorService purger = Daemons.scheduler("revos-idempotency-purge");

    @Activate
    public Idempotency(@Reference Store store) {
        this.store = store;
        purger.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        purger.shutdownNow();
    }

    /**
     * Runs a POST once per idempotency key.
     *
     * @param tenant      the tenant whose transaction the write runs in ({@link Store#PLATFORM} for platform writes)
     * @param key         the request's Idempotency-Key header, or {@code null}
     * @param fingerprint what makes two requests "the same": method, path and body
     * @param write       the POST's effect, run in one transaction
     * @param storable    what of the answer may be stored (secrets are removed from it)
     */
    public Response post(String tenant, Caller caller, String key, String fingerprint, Function<Tx, Answer> write,
            UnaryOperator<Answer> storable) {
        if (key == null) {
            return store.write(tenant, caller, write).toResponse(false);
        }
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw Problem.invalid(HEADER, "must be 1 to 255 printable ASCII characters");
        }
        String id = Secrets.sha256(caller.keyId() + '\u0000' + key);
        String requestHash = Secrets.sha256(fingerprint);
        Response replay = replay(id, requestHash);
        if (replay != null) {
            return replay;
        }
        try {
            return store.write(tenant, caller, tx -> {
                IdempotencyEntity expired = tx.em().find(IdempotencyEntity.class, id);
                if (expired != null) {
                    tx.em().remove(expired);
                    tx.em().flush();
                }
                Answer answer = write.apply(tx);
                Answer kept = storable.apply(answer);
                IdempotencyEntity record = new IdempotencyEntity();
                record.id = id;
                record.requestHash = requestHash;
                record.status = kept.status();
                record.body = FieldTypes.writeJson(kept.body());
                record.location = kept.location();
                record.createdAt = tx.now();
                tx.em().persist(record);
                return answer;
            }).toResponse(false);
        } catch (Problem conflict) {
            // A concurrent request with the same key committed first: answer as it did.
            Response concurrent = conflict.status() == 409 ? replay(id, requestHash) : null;
            if (concurrent != null) {
                return concurrent;
            }
            throw conflict;
        }
    }

    private Response replay(String id, String requestHash) {
        IdempotencyEntity record = store.readPlatform(em -> em.find(IdempotencyEntity.class, id));
        if (record == null || record.createdAt < System.currentTimeMillis() - RETENTION.toMillis()) {
            return null;
        }
        if (!record.requestHash.equals(requestHash)) {
            throw Problem.conflict("This Idempotency-Key was used for a different request in the last 24 hours",
                    List.of(new org.revos.kernel.spi.FieldError(HEADER,
                            "was already used with another method, path or body; use a new key")));
        }
        return new Answer(record.status, record.body == null ? null : FieldTypes.readTree(record.body),
                record.location).toResponse(true);
    }

    private void purge() {
        try {
            long cutoff = System.currentTimeMillis() - RETENTION.toMillis();
            store.write(Store.PLATFORM, null, tx -> tx.em()
                    .createQuery("DELETE FROM IdempotencyEntity r WHERE r.createdAt < :cutoff")
                    .setParameter("cutoff", cutoff).executeUpdate());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge expired idempotency records", e);
        }
    }
}
