package org.revos.kernel.spi;

import java.net.URI;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whom the runtime may call on a tenant's behalf: {@code http} or {@code https} URLs whose every address is public
 * (not the runtime's own host, loopback, private, link-local, ...), unless the platform admin allowed the address. An
 * engine that calls a URL a tenant configured (a webhook, a sync source) asks when the URL is set and again before
 * each connection, as the host's addresses may change in between. A service of the kernel.
 */
@ProviderType
public interface OutboundPolicy {

    /**
     * At configuration time.
     *
     * @return why the runtime will not call the URL, in words that follow its field name; empty when it may
     */
    Optional<String> refusal(URI url);

    /**
     * Right before connecting, with the host resolved now.
     *
     * @throws RefusedUrl when the URL may not be called, or its host does not resolve
     */
    void checkBeforeConnecting(URI url) throws RefusedUrl;
}
