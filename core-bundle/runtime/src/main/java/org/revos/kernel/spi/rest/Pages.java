package org.revos.kernel.spi.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.revos.kernel.spi.Violations;

/**
 * The API's pages: {@code limit} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) and an opaque
 * {@code cursor} that names the last id of the previous page, for keyset pagination over ids that sort by creation.
 * Every list of the kernel and of the engines pages this way, so clients page them all alike.
 */
public final class Pages {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Pages() {
    }

    /** Parses {@code limit}: default 50, at most 500; anything else is refused, not clamped. */
    public static int limit(Map<String, List<String>> query, Violations v) {
        List<String> values = query.get("limit");
        if (values == null || values.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(values.get(0).trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        return DEFAULT_LIMIT;
    }

    /**
     * @return the id after which the page starts ("" for the first page)
     *         <p>
     *         A cursor is {@code v1:<id>.<check>} in URL-safe base 64, where the check is the CRC-32 of the id: a
     *         cursor someone made up or cut short ({@code djE6} is {@code v1:} alone) is refused, not read as the
     *         first page.
     */
    public static String cursor(Map<String, List<String>> query, Violations v) {
        List<String> values = query.get("cursor");
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            return "";
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(values.get(0)), StandardCharsets.UTF_8);
            int dot = decoded.lastIndexOf('.');
            if (decoded.startsWith("v1:") && dot > 3) {
                String id = decoded.substring(3, dot);
                if (decoded.substring(dot + 1).equals(cursorCheck(id))) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        v.add("cursor", "is not a cursor this API issued; pass the 'next' value of the previous page");
        return "";
    }

    private static String cursorCheck(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue(), 36);
    }

    public static String encodeCursor(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + lastId + "." + cursorCheck(lastId))
                .getBytes(StandardCharsets.UTF_8));
    }
}
