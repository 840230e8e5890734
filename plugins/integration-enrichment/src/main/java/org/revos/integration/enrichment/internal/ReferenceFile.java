package org.revos.integration.enrichment.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import org.revos.api.spi.Firmographics;

/**
 * A parsed reference file: a CSV with a header naming at least {@code domain} and any of {@code country},
 * {@code employees}, {@code industry} and {@code company} (in any order, any case; other columns are ignored), one
 * company per line. Cells may be quoted with {@code "} (a doubled quote inside is one quote). Lines that cannot be
 * used (no domain, a non-numeric employee count) are skipped with a warning naming the line; the first line for a
 * domain wins.
 */
final class ReferenceFile {

    private static final Logger LOG = Logger.getLogger(ReferenceFile.class.getName());

    private final Map<String, Firmographics> byDomain;

    private ReferenceFile(Map<String, Firmographics> byDomain) {
        this.byDomain = byDomain;
    }

    Firmographics find(String domain) {
        String key = Domains.normalise(domain);
        return key == null ? null : byDomain.get(key);
    }

    int size() {
        return byDomain.size();
    }

    /** @throws IOException when the source cannot be read or has no {@code domain} column */
    static ReferenceFile parse(Reader source, String name) throws IOException {
        BufferedReader in = new BufferedReader(source);
        String header = in.readLine();
        if (header == null) {
            throw new IOException(name + " is empty; its first line must be a header such as"
                    + " domain,country,employees,industry");
        }
        List<String> columns = cells(header.startsWith("\uFEFF") ? header.substring(1) : header).stream()
                .map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        int domain = columns.indexOf("domain");
        if (domain < 0) {
            throw new IOException(name + " has no 'domain' column; its header is: " + header);
        }
        Map<String, Firmographics> out = new HashMap<>();
        int lineNo = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            String key = Domains.normalise(cell(cells, domain));
            if (key == null) {
                LOG.warning(name + " line " + lineNo + ": no domain; skipped");
                continue;
            }
            String employees = cell(cells, columns.indexOf("employees"));
            Integer count = null;
            if (employees != null) {
                try {
                    count = Integer.valueOf(employees.replace(",", "").replace("_", ""));
                } catch (NumberFormatException e) {
                    LOG.warning(name + " line " + lineNo + ": employees '" + employees + "' is not a whole number;"
                            + " skipped");
                    continue;
                }
            }
            out.putIfAbsent(key, new Firmographics(cell(cells, columns.indexOf("company")),
                    cell(cells, columns.indexOf("country")), count, cell(cells, columns.indexOf("industry")), null));
        }
        return new ReferenceFile(Map.copyOf(out));
    }

    private static String cell(List<String> cells, int index) {
        if (index < 0 || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** Splits one CSV line; quoted cells may hold commas and doubled quotes. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
