package org.revos.runtime.internal.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Jakarta REST path template in OpenAPI form: segments joined with single slashes, a leading slash, no trailing one,
 * and templates {@code {name: regex}} reduced to {@code {name}} with their expressions kept aside.
 *
 * @param path     the OpenAPI path, such as {@code /accounts/{id}}
 * @param patterns the regular expressions of templates that had one, by name
 */
record PathTemplate(String path, Map<String, String> patterns) {

    static final PathTemplate ROOT = new PathTemplate("/", Map.of());

    /** @return this template followed by {@code sub} (an {@code @Path} value, possibly empty) */
    PathTemplate append(String sub) {
        Map<String, String> patterns = new LinkedHashMap<>(this.patterns);
        StringBuilder out = new StringBuilder(path.equals("/") ? "" : path);
        if (sub != null && !sub.isEmpty()) {
            out.append('/');
            int i = 0;
            while (i < sub.length()) {
                char c = sub.charAt(i);
                if (c == '{') {
                    int end = closing(sub, i);
                    String inner = sub.substring(i + 1, end);
                    int colon = inner.indexOf(':');
                    String name = (colon < 0 ? inner : inner.substring(0, colon)).strip();
                    if (colon >= 0) {
                        patterns.put(name, inner.substring(colon + 1).strip());
                    }
                    out.append('{').append(name).append('}');
                    i = end + 1;
                } else if (c == '/') {
                    if (out.charAt(out.length() - 1) != '/') {
                        out.append('/');
                    }
                    i++;
                } else {
                    out.append(c);
                    i++;
                }
            }
        }
        String joined = out.toString();
        if (joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return new PathTemplate(joined.isEmpty() ? "/" : joined, Map.copyOf(patterns));
    }

    /** @return the path with template names blanked: two paths with equal shapes cannot both be in a document */
    String shape() {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    /** @return the last segment that is not a template, without a file extension ({@code openapi.json} → openapi) */
    static String lastLiteral(String path) {
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            String s = segments[i];
            if (!s.isEmpty() && !s.startsWith("{")) {
                int dot = s.indexOf('.');
                return dot > 0 ? s.substring(0, dot) : s;
            }
        }
        return "root";
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced braces in path template " + s);
    }
}
