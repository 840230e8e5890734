package org.revos.kernel.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps secrets an engine must use again in clear (a webhook's signing secret, a source's credentials): sealed with
 * the runtime's key (authenticated encryption; the key lives in the data folder, not in the database), so a copy of
 * the database alone reveals none of them. Secrets that only need checking are hashed instead. A service of the kernel.
 */
@ProviderType
public interface SecretVault {

    /** @return {@code secret} sealed, as text to store */
    String seal(String secret);

    /**
     * @return the secret {@link #seal} sealed
     * @throws IllegalStateException when the text was not sealed by this runtime's key (a changed key file)
     */
    String open(String sealed);
}
