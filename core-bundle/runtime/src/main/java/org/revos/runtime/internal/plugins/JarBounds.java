package org.revos.runtime.internal.plugins;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

/**
 * What a plugin jar may unpack to, checked by unpacking it (the sizes a zip declares can lie) before anything else
 * reads it: at most {@code maxEntries} entries, {@code maxTotalBytes} uncompressed in all, and no entry larger than
 * {@code largeEntryBytes} that inflates more than {@code maxRatio} times its compressed size. A zip bomb is refused
 * after reading at most {@code maxTotalBytes}, and usually after a few kilobytes.
 */
record JarBounds(int maxEntries, long maxTotalBytes, long largeEntryBytes, int maxRatio) {

    /** 10,000 entries, 256 MiB uncompressed, 100:1 for entries over 1 MiB. */
    static final JarBounds DEFAULT = new JarBounds(10_000, 256L << 20, 1L << 20, 100);

    private static final String TITLE = "Not an installable RevOS plugin";

    /**
     * @throws Problem 422 naming the bound the jar exceeds; 400 when it is not a readable zip
     */
    void check(byte[] jar) {
        CountingStream compressed = new CountingStream(new ByteArrayInputStream(jar));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(compressed)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > maxEntries) {
                    throw refused("entries", "has more than " + maxEntries + " entries");
                }
                long start = compressed.count;
                long size = 0;
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    size += n;
                    total += n;
                    if (total > maxTotalBytes) {
                        throw refused("uncompressed size", "unpacks to more than " + mebibytes(maxTotalBytes));
                    }
                    long packed = Math.max(1, compressed.count - start);
                    if (size > largeEntryBytes && size > packed * maxRatio) {
                        throw refused("compression ratio", "has the entry " + entry.getName() + ", which inflates"
                                + " more than " + maxRatio + " times (entries over " + mebibytes(largeEntryBytes)
                                + " may inflate at most " + maxRatio + ":1)");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw Problem.invalid("body", "is not a readable jar file: " + e.getMessage());
        }
    }

    private static Problem refused(String bound, String what) {
        return Problem.unprocessable(TITLE, "The jar " + what + "; a plugin jar is refused beyond that bound",
                List.of(new FieldError(bound, what)));
    }

    private static String mebibytes(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    /** Counts the compressed bytes the zip reader has taken (read-ahead included: a bound, not an exact figure). */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
