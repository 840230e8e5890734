package org.revos.integration.internal;

import java.util.Map;

import org.revos.integration.internal.mapping.ValueMappings;

/**
 * How one import reads and writes its file, as {@code POST /api/v1/imports} was asked.
 *
 * @param format        the import format's name ({@code native}, {@code hubspot}, ...)
 * @param partial       whether the good rows are written when some are bad ({@code mode=partial})
 * @param overrides     source column to field, over the format's mapping; an empty field ignores the column
 * @param recordRevenue whether placing a deal in a won or churned stage records its revenue event, as a move through
 *                      the API does ({@code revenueEvents=record}, the default); {@code false} when the tenant's
 *                      revenue events come in their own import, which would otherwise count them twice
 * @param values        the value mappings of this import ({@code mapStage=}, ...), over the tenant's for the format
 */
record ImportOptions(String format, boolean partial, Map<String, String> overrides, boolean recordRevenue,
        ValueMappings values) {

    ImportOptions {
        overrides = Map.copyOf(overrides);
    }
}
