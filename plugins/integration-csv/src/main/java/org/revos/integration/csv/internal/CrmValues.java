package org.revos.integration.csv.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the values CRM exports write into the forms RevOS fields take: country names into ISO-3166 alpha-2 codes
 * ("United States" → US), websites into domains ("https://www.acme.com/about" → acme.com), date-times and US dates
 * into ISO dates ("2026-03-15 10:30", "3/15/2026" → 2026-03-15), and thousands separators out of numbers. A value it
 * does not recognise passes unchanged, so the field's own check reports it.
 */
final class CrmValues {

    private static final Map<String, String> COUNTRIES = countries();
    private static final Pattern ISO_DATE_PREFIX = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T].*");
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern WEBSITE = Pattern.compile("(?i)^(?:[a-z]+://)?(?:www\\.)?([^/:?#]+).*$");
    private static final Pattern GROUPED_NUMBER = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private CrmValues() {
    }

    static String normalize(String field, String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        String v = value.trim();
        return switch (field) {
        case "country" -> v.length() == 2 ? v.toUpperCase(Locale.ROOT)
                : COUNTRIES.getOrDefault(v.toLowerCase(Locale.ROOT), v);
        case "domain" -> website(v);
        case "closeDate" -> date(v);
        case "arr", "employees" -> GROUPED_NUMBER.matcher(v).matches() ? v.replace(",", "") : v;
        default -> value;
        };
    }

    private static String website(String v) {
        Matcher m = WEBSITE.matcher(v);
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : v;
    }

    private static String date(String v) {
        Matcher iso = ISO_DATE_PREFIX.matcher(v);
        if (iso.matches()) {
            return iso.group(1);
        }
        Matcher us = US_DATE.matcher(v);
        if (us.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)),
                        Integer.parseInt(us.group(2))).format(DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (java.time.DateTimeException e) {
                return v;
            }
        }
        return v;
    }

    private static Map<String, String> countries() {
        Map<String, String> out = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            out.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        out.put("usa", "US");
        out.put("united states of america", "US");
        out.put("uk", "GB");
        out.put("england", "GB");
        return out;
    }
}
