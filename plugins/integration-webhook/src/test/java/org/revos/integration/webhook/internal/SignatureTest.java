package org.revos.integration.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signature.hmac("Jefe", "what do ya want for nothing?"));
        String header = Signature.header("s3cret", 1_700_000_000L, "{\"text\":\"hi\"}");
        assertEquals("t=1700000000,v1=" + Signature.hmac("s3cret", "1700000000.{\"text\":\"hi\"}"), header);
        assertNotEquals(header, Signature.header("s3cret", 1_700_000_001L, "{\"text\":\"hi\"}"),
                "the timestamp is signed too, so a replay with a new timestamp does not verify");
    }
}
