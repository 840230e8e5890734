package org.revos.bench.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer keys: the SHA-256 of the key is looked up in {@code API_KEYS}; the answer is kept for 30 seconds, as RevOS
 * keeps it, so that the comparison does not charge the baseline a key query RevOS does not make.
 */
public final class KeyCheck {

    static final long CACHE_MILLIS = 30_000;

    private record Cached(Optional<String> tenantId, long expiresAt) {
    }

    private final ConnectionPool pool;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public KeyCheck(ConnectionPool pool) {
        this.pool = pool;
    }

    /** @return the tenant of a valid, unrevoked tenant key; empty for anything else */
    public Optional<String> tenantOf(String authorization) throws SQLException, InterruptedException {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = authorization.substring(7).trim();
        if (!key.startsWith("rvs_") || key.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(key);
        long now = System.currentTimeMillis();
        Cached cached = cache.get(hash);
        if (cached != null && cached.expiresAt > now) {
            return cached.tenantId;
        }
        Optional<String> tenant = lookUp(hash);
        cache.put(hash, new Cached(tenant, now + CACHE_MILLIS));
        return tenant;
    }

    private Optional<String> lookUp(String hash) throws SQLException, InterruptedException {
        try (ConnectionPool.Lease lease = pool.borrow();
                PreparedStatement select = lease.connection().prepareStatement(
                        "SELECT TENANTID FROM API_KEYS WHERE SECRETHASH = ? AND REVOKEDAT IS NULL")) {
            select.setString(1, hash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
