package org.revos.runtime.internal.security;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.kernel.spi.SecretVault;
import org.revos.runtime.internal.settings.Settings;

/** The {@link SecretBox} of the data folder's key ({@code secrets.key}), as engines reach it. */
@Component(service = SecretVault.class)
public final class SealedSecrets implements SecretVault {

    private final SecretBox box;

    @Activate
    public SealedSecrets(@Reference Settings settings) {
        this.box = new SecretBox(settings.current().dataDir().resolve("secrets.key"));
    }

    @Override
    public String seal(String secret) {
        return box.seal(secret);
    }

    @Override
    public String open(String sealed) {
        return box.open(sealed);
    }
}
