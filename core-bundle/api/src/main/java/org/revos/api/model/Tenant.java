package org.revos.api.model;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One client of the installation.
 *
 * @param id       opaque identifier
 * @param name     display name
 * @param currency ISO-4217 code all of the tenant's money is in
 * @param timeZone zone in which the tenant's periods (months, quarters, years) are cut
 */
public record Tenant(String id, String name, String currency, ZoneId timeZone) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
