package org.revos.api.spi;

/** Company and person facts an enrichment provider found; {@code null} means unknown. */
public record Firmographics(String company, String country, Integer employees, String industry, String title) {
}
