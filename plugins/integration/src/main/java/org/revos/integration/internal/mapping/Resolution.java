package org.revos.integration.internal.mapping;

/**
 * What one source value became, or why it became nothing.
 *
 * @param target the RevOS value (stage id, deal type, code, user id); {@code null} when mapped to nothing on purpose
 *               or not mapped
 * @param by     how it was found, in words ({@code "mapping"}, {@code "HubSpot standard value (open at 40%)"}, ...)
 * @param mapped whether the value is mapped; when not, {@code by} says why
 */
public record Resolution(String target, String by, boolean mapped) {

    static Resolution to(String target, String by) {
        return new Resolution(target, by, true);
    }

    static Resolution unmapped(String why) {
        return new Resolution(null, why, false);
    }
}
