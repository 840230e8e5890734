package org.revos.blackbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the reliability tests leave their figures: one {@code .properties} file each in
 * {@code target/reliability/} ({@code -Drevos.reliability.dir} elsewhere), for docs/reliability.md.
 */
final class Figures {

    private Figures() {
    }

    /** Writes {@code figures} as {@code name=value} lines, sorted by name, and prints them. */
    static void write(String file, Map<String, ?> figures) throws IOException {
        Path dir = Path.of(System.getProperty("revos.reliability.dir", "target/reliability"));
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder();
        new TreeMap<>(figures).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(dir.resolve(file), text);
        System.out.print("# " + file + "\n" + text);
    }
}
