package org.revos.runtime.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressBlockTest {

    @Test
    void aBlockHoldsTheAddressesThatShareItsPrefix() throws UnknownHostException {
        AddressBlock block = AddressBlock.parse("10.0.0.0/8");
        assertTrue(block.contains(ip("10.0.0.1")));
        assertTrue(block.contains(ip("10.255.255.255")));
        assertFalse(block.contains(ip("11.0.0.0")));
        assertFalse(block.contains(ip("::a00:1")), "another IP version is never in the block");
        AddressBlock odd = AddressBlock.parse("172.16.0.0/12");
        assertTrue(odd.contains(ip("172.31.255.255")));
        assertFalse(odd.contains(ip("172.32.0.0")));
    }

    @Test
    void aSingleAddressIsABlockOfOneAndHostBitsAreCleared() throws UnknownHostException {
        AddressBlock one = AddressBlock.parse("127.0.0.1");
        assertEquals("127.0.0.1/32", one.toString());
        assertTrue(one.contains(ip("127.0.0.1")));
        assertFalse(one.contains(ip("127.0.0.2")));
        assertEquals("192.168.0.0/16", AddressBlock.parse(" 192.168.7.9/16 ").toString());
    }

    @Test
    void ipv6BlocksWork() throws UnknownHostException {
        AddressBlock ula = AddressBlock.parse("fc00::/7");
        assertTrue(ula.contains(ip("fd12:3456::1")));
        assertFalse(ula.contains(ip("fe80::1")));
        assertTrue(AddressBlock.parse("::1").contains(ip("::1")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "example.com", "10.0.0.0/33", "300.1.1.1", "10.0.0/8", "10.0.0.0/x",
            "::1/129", "", "abc" })
    void refusesWhatIsNotAnAddressLiteralWithoutLookingItUp(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressBlock.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
