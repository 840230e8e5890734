package org.revos.api.spi;

import java.util.Set;

import org.revos.api.model.ObjectType;

/**
 * The company an enrichment provider is asked about.
 *
 * @param objectType {@link ObjectType#ACCOUNT} or {@link ObjectType#LEAD}
 * @param objectId   the account's or lead's id
 * @param domain     the company's web domain as stored (an account's {@code domain}, the part of a lead's email after
 *                   {@code @}); never {@code null}
 * @param company    the company's name when known, else {@code null}
 * @param missing    the firmographic fields that are empty and would be filled ({@code country}, {@code employees},
 *                   {@code industry}, {@code company})
 */
public record EnrichmentRequest(ObjectType objectType, String objectId, String domain, String company,
        Set<String> missing) {
    public EnrichmentRequest {
        missing = Set.copyOf(missing);
    }
}
