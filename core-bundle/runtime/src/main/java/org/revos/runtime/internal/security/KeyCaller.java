package org.revos.runtime.internal.security;

import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;

/** A caller authenticated by an API key. {@link #getName()} is the key's name, as the audit log shows it. */
public record KeyCaller(String keyId, String tenantId, ApiRole role, String name) implements Caller {

    @Override
    public String getName() {
        return name;
    }
}
