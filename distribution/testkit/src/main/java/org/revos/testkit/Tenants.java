package org.revos.testkit;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.revos.api.model.Tenant;

/** Tenants for tests: the runtime always hands a plugin the tenant its call is for. */
public final class Tenants {

    /** {@code ten_test}, in US dollars, periods cut in UTC: what every builder of the kit uses unless told. */
    public static final Tenant DEFAULT = new Tenant("ten_test", "Test tenant", "USD", ZoneOffset.UTC);

    private Tenants() {
    }

    /** @return a tenant in US dollars whose periods are cut in {@code zone} */
    public static Tenant in(String zone) {
        return new Tenant("ten_test", "Test tenant", "USD", ZoneId.of(zone));
    }

    public static Tenant of(String id, String currency, String zone) {
        return new Tenant(id, id, currency, ZoneId.of(zone));
    }
}
