package org.revos.runtime.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

/** Request bodies that are not one well-formed JSON value are refused in plain words, never with Jackson's. */
class JsonBodyReaderTest {

    /** What a message that leaks Java looks like: a class name, an exception, a Jackson feature or type. */
    static final Pattern JAVA = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]|Exception|FAIL_ON|Feature|JsonNode|`");

    private static FieldError refused(String body) {
        return refused(body.getBytes(StandardCharsets.UTF_8));
    }

    private static FieldError refused(byte[] body) {
        Problem p = assertThrows(Problem.class, () -> JsonBodyReader.read(new ByteArrayInputStream(body)));
        assertEquals(400, p.status());
        assertEquals(1, p.errors().size());
        FieldError error = p.errors().get(0);
        assertFalse(JAVA.matcher(error.message()).find(), error.message());
        assertFalse(JAVA.matcher(p.getMessage()).find(), p.getMessage());
        return error;
    }

    @Test
    void anEmptyOrBlankBodyAsksForAJsonObject() {
        assertEquals(new FieldError("body", JsonBodyReader.NO_BODY), refused(""));
        assertEquals(new FieldError("body", JsonBodyReader.NO_BODY), refused(" \r\n\t "));
    }

    @Test
    void trailingContentIsRefusedWhereItStarts() {
        FieldError error = refused("{\"name\": \"a\"} {}");
        assertEquals("body", error.field());
        assertTrue(error.message().contains("line 1, column 15") && error.message().contains("more after"),
                error.message());
        assertTrue(refused("{}]").message().contains("closes with ']'"));
    }

    @Test
    void malformedJsonNamesTheMemberLineAndColumn() {
        FieldError error = refused("{\"pacing\": [0.5,\n 0.5, x]}");
        assertEquals("pacing[2]", error.field());
        assertTrue(error.message().contains("line 2, column") && error.message().contains("has 'x' where a value"
                + " belongs"), error.message());
        assertTrue(refused("{\"a\": {\"b\": tru}}").field().equals("a.b"));
        assertTrue(refused("{\"name\": \"a\", \"name\": \"b\"}").message().contains("'name' twice"));
        assertTrue(refused("{\"name\": \"a").message().contains("ends before"));
        assertTrue(refused("{\"name\": \"a\u0001\"}").message().contains("control character 1"));
        assertTrue(refused(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}' }).message()
                .contains("UTF-8"));
    }

    @Test
    void numbersNoDecimalCanHoldAreRefusedNotADefect() {
        FieldError huge = refused("{\"capacity\": 1.5e3000000000}");
        assertEquals("capacity", huge.field());
        assertTrue(huge.message().contains("exponent is out of range") && huge.message().contains("line 1"),
                huge.message());
        assertTrue(refused("{\"arr\": " + "9".repeat(1200) + "}").message().contains("longer than 1000"));
        assertTrue(refused("[".repeat(1200) + "]".repeat(1200)).message().contains("deeper than 1000"));
    }

    @Test
    void oneWellFormedValueIsRead() throws IOException {
        assertEquals("a", JsonBodyReader.read(new ByteArrayInputStream(" {\"name\": \"a\"}\n".getBytes()))
                .get("name").asText());
    }
}
