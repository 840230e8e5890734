package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.Problem;

/** Jars that unpack to too much, to too many entries or at a bomb's ratio are refused before they are read. */
class JarBoundsTest {

    @FunctionalInterface
    private interface Content {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static byte[] zip(Content content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            content.write(zip);
        }
        return bytes.toByteArray();
    }

    private static String refusedBound(JarBounds bounds, byte[] jar) {
        Problem p = assertThrows(Problem.class, () -> bounds.check(jar));
        assertEquals(422, p.status());
        return p.errors().get(0).field();
    }

    @Test
    void anEntryThatInflatesLikeABombIsRefused() throws IOException {
        byte[] bomb = zip(zip -> {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
        });
        assertEquals("compression ratio", refusedBound(JarBounds.DEFAULT, bomb));
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        byte[] many = zip(zip -> {
            for (int i = 0; i <= JarBounds.DEFAULT.maxEntries(); i++) {
                zip.putNextEntry(new ZipEntry("e" + i));
            }
        });
        assertEquals("entries", refusedBound(JarBounds.DEFAULT, many));
    }

    @Test
    void tooMuchInAllIsRefused() throws IOException {
        byte[] noise = new byte[300 << 10];
        new Random(7).nextBytes(noise);
        byte[] jar = zip(zip -> {
            for (int i = 0; i < 4; i++) {
                zip.putNextEntry(new ZipEntry("n" + i));
                zip.write(noise);
            }
        });
        assertEquals("uncompressed size", refusedBound(new JarBounds(100, 1 << 20, 1 << 20, 100), jar));
    }

    @Test
    void anOrdinaryJarPasses() throws IOException {
        byte[] noise = new byte[2 << 20];
        new Random(7).nextBytes(noise);
        JarBounds.DEFAULT.check(zip(zip -> {
            zip.putNextEntry(new ZipEntry("classes.bin"));
            zip.write(noise);
            zip.putNextEntry(new ZipEntry("text.txt"));
            zip.write("hello ".repeat(1000).getBytes());
        }));
    }
}
