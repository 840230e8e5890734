package org.revos.testkit;

import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;

/**
 * The principal the runtime puts on a REST request ({@code SecurityContext.getUserPrincipal()}), for unit tests of a
 * plugin's resources: {@code resource.greet(Callers.of("ten_test", ApiRole.MEMBER))}.
 */
public final class Callers {

    private Callers() {
    }

    /** @return a caller of {@code tenantId} with {@code role}, whose key id is {@code key_test} */
    public static Caller of(String tenantId, ApiRole role) {
        return new TestCaller("key_test", tenantId, role);
    }

    record TestCaller(String keyId, String tenantId, ApiRole role) implements Caller {
        @Override
        public String getName() {
            return keyId;
        }
    }
}
