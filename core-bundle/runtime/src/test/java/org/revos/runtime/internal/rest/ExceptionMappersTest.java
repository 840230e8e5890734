package org.revos.runtime.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A defect answers a 500 problem with an incident id the log has too, and nothing of the exception. */
class ExceptionMappersTest {

    @Test
    void aDefectCarriesAnIncidentIdAndNamesNoClass() {
        ObjectNode body = ExceptionMappers.UnexpectedMapper.defect(new IllegalStateException(
                "java.lang.ArithmeticException: Overflow"));
        assertEquals(500, body.get("status").asInt());
        String incident = body.get("incident").asText();
        assertEquals(36, incident.length(), body.toString());
        assertTrue(body.get("detail").asText().contains(incident), body.toString());
        assertFalse(JsonBodyReaderTest.JAVA.matcher(body.toString()).find(), body.toString());
    }
}
