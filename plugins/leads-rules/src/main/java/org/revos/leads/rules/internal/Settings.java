package org.revos.leads.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one part of a tenant's intake settings (JSON-ready values: maps, lists, strings, numbers, booleans) with the
 * rules' defaults, and notes every value it cannot use under its JSON path, so {@code validate} and the rules read
 * settings the same way: what validation accepts is exactly what the rules apply.
 */
final class Settings {

    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    private final Map<String, Object> values;
    private final Map<String, String> problems = new LinkedHashMap<>();

    Settings(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    Map<String, String> problems() {
        return problems;
    }

    void problem(String field, String message) {
        problems.putIfAbsent(field, message);
    }

    void onlyKnown(List<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                problem(key, "is not a setting of this part; known: " + String.join(", ", known));
            }
        }
    }

    Object raw(String key) {
        return values.get(key);
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    /** @return a whole number between min and max, else the default (noting the problem) */
    int integer(String key, int min, int max, int fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        return integer(key, v, min, max, fallback);
    }

    int integer(String path, Object v, int min, int max, int fallback) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= min
                && n.doubleValue() <= max) {
            return n.intValue();
        }
        problem(path, "must be a whole number from " + min + " to " + max);
        return fallback;
    }

    double number(String path, Object v, double min, double max, double fallback) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= min
                && n.doubleValue() <= max) {
            return n.doubleValue();
        }
        problem(path, "must be a number from " + min + " to " + max);
        return fallback;
    }

    boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problem(key, "must be true or false");
        return fallback;
    }

    /** @return a fallback or queue name: lower case letters, digits and dashes */
    String name(String key, String fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        return name(key, v, fallback);
    }

    String name(String path, Object v, String fallback) {
        if (v instanceof String s && NAME.matcher(s).matches()) {
            return s;
        }
        problem(path, "must be a name of lower case letters, digits and dashes (up to 50), such as self-serve");
        return fallback;
    }

    /** @return ISO-3166 alpha-2 codes, upper case */
    List<String> countries(String key) {
        Object v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            problem(key, "must be a list of ISO-3166 alpha-2 country codes such as [\"US\", \"DE\"]");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            out.add(country(key + "[" + i + "]", list.get(i)));
        }
        out.removeIf(c -> c == null);
        return out;
    }

    String country(String path, Object v) {
        if (v instanceof String s && COUNTRY.matcher(s.toUpperCase(Locale.ROOT)).matches()) {
            return s.toUpperCase(Locale.ROOT);
        }
        problem(path, "must be an ISO-3166 alpha-2 country code such as DE");
        return null;
    }

    List<String> strings(String key, List<String> fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        if (!(v instanceof List<?> list)) {
            problem(key, "must be a list of texts");
            return fallback;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s && !s.isBlank() && s.length() <= 100) {
                out.add(s.trim());
            } else {
                problem(key + "[" + i + "]", "must be a text of 1 to 100 characters");
            }
        }
        return out;
    }

    /** @return the map under {@code key}, empty (noting a problem) when it is not an object */
    Map<String, Object> object(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        return object(key, v);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String path, Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        problem(path, "must be a JSON object");
        return Map.of();
    }

    List<?> list(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            return l;
        }
        problem(key, "must be a list");
        return List.of();
    }
}
