package org.revos.api.spi;

/**
 * Company facts an enrichment provider found; {@code null} means unknown.
 *
 * @param country   ISO-3166 alpha-2 code
 * @param employees company size
 */
public record Firmographics(String company, String country, Integer employees, String industry, String title) {
}
