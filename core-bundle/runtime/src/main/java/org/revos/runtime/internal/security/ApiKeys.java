package org.revos.runtime.internal.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Ids;
import org.revos.runtime.internal.persistence.ApiKeyEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.Tx;

/**
 * Issues, verifies and revokes API keys. Verification is a hash lookup, cached briefly so that a busy client does
 * not cost a database read per request; revocation on this node takes effect at once, on other nodes within
 * {@link #CACHE_TTL}.
 */
@Component(service = ApiKeys.class)
public final class ApiKeys {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    static final Duration UNKNOWN_TTL = Duration.ofSeconds(1);

    private record Cached(Optional<Caller> caller, long expiresAt) {
    }

    /** A newly issued key: the secret exists only in this object and in the one response that shows it. */
    public record Issued(ApiKeyEntity entity, String secret) {
    }

    private final Store store;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    @Activate
    public ApiKeys(@Reference Store store) {
        this.store = store;
    }

    /** @return the caller the bearer key authenticates, or empty for unknown and revoked keys */
    public Optional<Caller> authenticate(String key) {
        if (key == null || !key.startsWith(Secrets.KEY_PREFIX) || key.length() > 200) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(key);
        long now = System.currentTimeMillis();
        Cached cached = cache.get(hash);
        if (cached != null && cached.expiresAt > now) {
            return cached.caller;
        }
        Optional<Caller> caller = store.readPlatform(em -> em
                .createQuery("SELECT k FROM ApiKeyEntity k WHERE k.secretHash = :hash AND k.revokedAt IS NULL",
                        ApiKeyEntity.class)
                .setParameter("hash", hash).getResultStream().findFirst().map(ApiKeys::caller));
        if (cache.size() > 100_000) {
            cache.clear();
        }
        // An unknown key is remembered only for a moment: it may be the bootstrap key being registered right now.
        cache.put(hash, new Cached(caller, now + (caller.isPresent() ? CACHE_TTL : UNKNOWN_TTL).toMillis()));
        return caller;
    }

    /** Issues a key in the caller's transaction. */
    public Issued issue(Tx tx, String tenantId, String name, ApiRole role) {
        String secret = Secrets.newKey();
        ApiKeyEntity key = new ApiKeyEntity();
        key.id = Ids.next("key");
        key.tenantId = tenantId;
        key.name = name;
        key.role = role.name();
        key.secretHash = Secrets.sha256(secret);
        key.prefix = Secrets.displayPrefix(secret);
        key.createdAt = tx.now();
        tx.em().persist(key);
        return new Issued(key, secret);
    }

    /** Stores a key whose secret the operator chose (the bootstrap admin key). */
    public ApiKeyEntity register(Tx tx, String secret, String name, ApiRole role) {
        ApiKeyEntity key = new ApiKeyEntity();
        key.id = Ids.next("key");
        key.name = name;
        key.role = role.name();
        key.secretHash = Secrets.sha256(secret);
        key.prefix = Secrets.displayPrefix(secret);
        key.createdAt = tx.now();
        tx.em().persist(key);
        return key;
    }

    /** Revokes a key in the caller's transaction; the cache forgets it at once. */
    public void revoke(Tx tx, ApiKeyEntity key) {
        key.revokedAt = tx.now();
        cache.remove(key.secretHash);
    }

    /** @return the platform-admin keys that are not revoked */
    public List<ApiKeyEntity> platformKeys() {
        return store.readPlatform(em -> em.createQuery(
                "SELECT k FROM ApiKeyEntity k WHERE k.tenantId IS NULL AND k.revokedAt IS NULL ORDER BY k.id",
                ApiKeyEntity.class).getResultList());
    }

    private static Caller caller(ApiKeyEntity key) {
        return new KeyCaller(key.id, key.tenantId, ApiRole.valueOf(key.role), key.name);
    }
}
