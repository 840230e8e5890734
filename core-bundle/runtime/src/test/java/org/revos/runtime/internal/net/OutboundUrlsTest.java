package org.revos.runtime.internal.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.revos.kernel.spi.RefusedUrl;

class OutboundUrlsTest {

    /** host → addresses; a literal resolves to itself, anything else unknown is not found */
    private final Map<String, InetAddress[]> dns = new HashMap<>();
    private final OutboundUrls.Resolver resolver = host -> {
        InetAddress[] known = dns.get(host);
        if (known != null) {
            return known;
        }
        if (host.startsWith("[") || Character.digit(host.charAt(0), 16) >= 0 && !host.contains(".example")) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    };
    private final OutboundUrls policy = new OutboundUrls(List.of(), Set.of(ip("203.0.113.7")), resolver);

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://2130706433/",
            "http://[::1]/", "http://0.0.0.0/", "http://[::]/", "http://10.1.2.3/", "http://172.16.0.1/",
            "http://172.31.255.254/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[fc00::1]/", "http://224.0.0.1/",
            "http://[ff02::1]/", "http://255.255.255.255/", "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:10.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://[::10.0.0.1]/",
            "http://[64:ff9b::a00:1]/", "http://[2002:a00:1::]/", "http://user@192.168.0.1:8443/x" })
    void refusesLoopbackPrivateLinkLocalAndOtherSpecialAddressesInEveryForm(String url) {
        Optional<String> refusal = policy.refusal(URI.create(url));
        assertTrue(refusal.isPresent(), url + " must be refused");
        assertTrue(refusal.get().contains("REVOS_OUTBOUND_ALLOW"), refusal.get());
        assertThrows(RefusedUrl.class, () -> policy.checkBeforeConnecting(URI.create(url)));
    }

    @Test
    void refusesTheRuntimesOwnPublicAddress() {
        String refusal = policy.refusal(URI.create("https://203.0.113.7/hook")).orElseThrow();
        assertTrue(refusal.contains("own host"), refusal);
    }

    @Test
    void letsPublicAddressesThrough() {
        assertEquals(Optional.empty(), policy.refusal(URI.create("https://93.184.215.14/hook")));
        assertEquals(Optional.empty(), policy.refusal(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/")));
        assertDoesNotThrow(() -> policy.checkBeforeConnecting(URI.create("http://8.8.8.8/x")));
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        dns.put("hooks.example", new InetAddress[] { ip("93.184.215.14") });
        dns.put("mixed.example", new InetAddress[] { ip("93.184.215.14"), ip("10.0.0.5") });
        dns.put("internal.example", new InetAddress[] { ip("192.168.0.10") });
        assertEquals(Optional.empty(), policy.refusal(URI.create("https://hooks.example/x")));
        String mixed = policy.refusal(URI.create("https://mixed.example/x")).orElseThrow();
        assertTrue(mixed.contains("mixed.example (10.0.0.5)") && mixed.contains("private network"), mixed);
        assertTrue(policy.refusal(URI.create("https://internal.example/x")).isPresent());
    }

    @Test
    void aNameThatDoesNotResolveYetIsAcceptedWhenConfiguredButNeverCalled() {
        URI later = URI.create("https://later.example/hook");
        assertEquals(Optional.empty(), policy.refusal(later));
        RefusedUrl refused = assertThrows(RefusedUrl.class, () -> policy.checkBeforeConnecting(later));
        assertTrue(refused.getMessage().contains("does not resolve"), refused.getMessage());
    }

    @Test
    void aNameThatTurnsPrivateAfterItWasConfiguredIsRefusedWhenCalled() {
        URI url = URI.create("https://rebind.example/hook");
        dns.put("rebind.example", new InetAddress[] { ip("93.184.215.14") });
        assertEquals(Optional.empty(), policy.refusal(url));
        dns.put("rebind.example", new InetAddress[] { ip("127.0.0.1") });
        RefusedUrl refused = assertThrows(RefusedUrl.class, () -> policy.checkBeforeConnecting(url));
        assertTrue(refused.getMessage().contains("loopback") && refused.getMessage().contains("was not called"),
                refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://93.184.215.14/x", "file:///etc/passwd", "gopher://93.184.215.14/", "http:///x",
            "http://127.1/" })
    void refusesOtherSchemesAndUrlsWithoutAHost(String url) {
        assertTrue(policy.refusal(URI.create(url)).isPresent(), url);
    }

    @Test
    void thePlatformAdminCanAllowAddressesAndBlocks() {
        OutboundUrls allowing = new OutboundUrls(List.of(AddressBlock.parse("127.0.0.1"),
                AddressBlock.parse("10.0.0.0/8"), AddressBlock.parse("203.0.113.7")), Set.of(ip("203.0.113.7")),
                resolver);
        assertEquals(Optional.empty(), allowing.refusal(URI.create("http://127.0.0.1:9000/hook")));
        assertEquals(Optional.empty(), allowing.refusal(URI.create("http://10.20.30.40/hook")));
        assertEquals(Optional.empty(), allowing.refusal(URI.create("http://[::ffff:10.0.0.1]/hook")));
        assertEquals(Optional.empty(), allowing.refusal(URI.create("http://203.0.113.7/hook")));
        assertTrue(allowing.refusal(URI.create("http://127.0.0.2/")).isPresent(), "only what was allowed");
        assertTrue(allowing.refusal(URI.create("http://[::1]/")).isPresent(), "IPv6 loopback was not allowed");
        assertTrue(allowing.refusal(URI.create("http://192.168.0.1/")).isPresent());
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
