package org.revos.integration.enrichment.internal;

import java.util.Locale;

/** Brings the ways people write a company's domain to one key: {@code https://WWW.Acme.com/about} → {@code acme.com}. */
final class Domains {

    private Domains() {
    }

    /** @return the normalised domain, {@code null} for a blank value */
    static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String d = value.strip().toLowerCase(Locale.ROOT);
        int at = d.lastIndexOf('@');
        if (at >= 0) {
            d = d.substring(at + 1);
        }
        int scheme = d.indexOf("://");
        if (scheme >= 0) {
            d = d.substring(scheme + 3);
        }
        for (char end : new char[] { '/', '?', '#', ':' }) {
            int cut = d.indexOf(end);
            if (cut >= 0) {
                d = d.substring(0, cut);
            }
        }
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.startsWith("www.")) {
            d = d.substring(4);
        }
        return d.isEmpty() ? null : d;
    }
}
