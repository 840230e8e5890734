package org.revos.runtime.internal.security;

import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.ApiRole;
import org.revos.runtime.internal.persistence.ApiKeyEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.settings.RuntimeSettings;
import org.revos.runtime.internal.settings.Settings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Makes sure a platform-admin key exists. With {@code REVOS_ADMIN_KEY} set, that key is accepted (and replaces an
 * earlier bootstrap key given the same way). Without it, the first start generates a key, prints it once on standard
 * output and stores only its hash; later starts print nothing.
 */
@Component(service = AdminKeyBootstrap.class, immediate = true)
public final class AdminKeyBootstrap {

    static final String FROM_ENVIRONMENT = "bootstrap (REVOS_ADMIN_KEY)";
    static final String GENERATED = "bootstrap (generated at first start)";
    private static final Logger LOG = Logger.getLogger(AdminKeyBootstrap.class.getName());

    private final java.util.concurrent.CompletableFuture<Void> done;

    /** Runs on its own thread: it waits for the database, which opens in the background. */
    @Activate
    public AdminKeyBootstrap(@Reference Store store, @Reference ApiKeys keys, @Reference Settings runtime) {
        RuntimeSettings settings = runtime.current();
        done = java.util.concurrent.CompletableFuture.runAsync(() -> ensureKey(store, keys, settings),
                r -> {
                    Thread t = new Thread(r, "revos-admin-key");
                    t.setDaemon(true);
                    t.start();
                });
        done.exceptionally(e -> {
            LOG.log(java.util.logging.Level.SEVERE, "Could not set up the platform-admin key", e);
            return null;
        });
    }

    /** @return whether the platform-admin key is in place (health reports UP only then) */
    public boolean isDone() {
        return done.isDone() && !done.isCompletedExceptionally();
    }

    /** @return why setting up the key failed, if it did */
    public java.util.Optional<String> failure() {
        if (!done.isCompletedExceptionally()) {
            return java.util.Optional.empty();
        }
        try {
            done.getNow(null);
            return java.util.Optional.empty();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return java.util.Optional.of("the platform-admin key could not be set up: " + cause.getMessage());
        }
    }

    private static void ensureKey(Store store, ApiKeys keys, RuntimeSettings settings) {
        if (settings.adminKey().isPresent()) {
            String secret = settings.adminKey().get();
            store.write(Store.PLATFORM, null, tx -> {
                boolean known = tx.em().createQuery("SELECT COUNT(k) FROM ApiKeyEntity k WHERE k.secretHash = :h",
                        Long.class).setParameter("h", Secrets.sha256(secret)).getSingleResult() > 0;
                if (!known) {
                    for (ApiKeyEntity old : tx.em().createQuery("SELECT k FROM ApiKeyEntity k WHERE k.name = :n"
                            + " AND k.revokedAt IS NULL", ApiKeyEntity.class).setParameter("n", FROM_ENVIRONMENT)
                            .getResultList()) {
                        keys.revoke(tx, old);
                    }
                    keys.register(tx, secret, FROM_ENVIRONMENT, ApiRole.PLATFORM_ADMIN);
                    tx.audit("PLATFORM_KEY_REGISTERED", "API_KEY", null, (JsonNode) null, null);
                }
                return null;
            });
            return;
        }
        if (keys.platformKeys().isEmpty()) {
            String secret = store.write(Store.PLATFORM, null, tx -> {
                ApiKeys.Issued issued = keys.issue(tx, null, GENERATED, ApiRole.PLATFORM_ADMIN);
                tx.audit("PLATFORM_KEY_GENERATED", "API_KEY", issued.entity().id, (JsonNode) null, null);
                return issued.secret();
            });
            String banner = "\n==================================================================\n"
                    + " RevOS platform-admin key (shown once, stored only as a hash):\n\n   " + secret
                    + "\n\n Keep it safe. Set REVOS_ADMIN_KEY to choose your own instead.\n"
                    + "==================================================================\n";
            System.out.println(banner);
            LOG.info("Generated the platform-admin key " + Secrets.displayPrefix(secret) + "...");
        }
    }
}
