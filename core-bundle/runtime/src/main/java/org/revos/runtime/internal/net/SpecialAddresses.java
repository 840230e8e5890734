package org.revos.runtime.internal.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Addresses that are not the public internet: any-local ({@code 0.0.0.0}, {@code ::}), loopback, link-local (the
 * cloud metadata address {@code 169.254.169.254} among them), private networks ({@code 10/8}, {@code 172.16/12},
 * {@code 192.168/16}, {@code fc00::/7}, {@code fec0::/10}), carrier-grade NAT ({@code 100.64/10}), multicast,
 * broadcast and reserved ranges, and IPv6 forms that carry one of those IPv4 addresses (IPv4-mapped, IPv4-compatible,
 * NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}).
 */
final class SpecialAddresses {

    private static final Map<AddressBlock, String> BLOCKS = Map.of(
            AddressBlock.parse("0.0.0.0/8"), "in 0.0.0.0/8 ('this network')",
            AddressBlock.parse("100.64.0.0/10"), "a carrier-grade NAT address",
            AddressBlock.parse("198.18.0.0/15"), "a benchmarking network address",
            AddressBlock.parse("240.0.0.0/4"), "a reserved address",
            AddressBlock.parse("fc00::/7"), "a private network address (IPv6 unique local)",
            AddressBlock.parse("100::/64"), "a discard-only IPv6 address");
    private static final List<AddressBlock> V4_CARRIERS = List.of(AddressBlock.parse("::/96"),
            AddressBlock.parse("64:ff9b::/96"));
    private static final AddressBlock SIX_TO_FOUR = AddressBlock.parse("2002::/16");

    private SpecialAddresses() {
    }

    /** @return what kind of special address this is, in words (“a loopback address”); empty for a public one */
    static Optional<String> kind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("the any-local address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address instanceof Inet6Address v6) {
            Optional<Inet4Address> carried = carriedIpv4(v6);
            if (carried.isPresent()) {
                return kind(carried.get()).map(k -> k + " (" + carried.get().getHostAddress() + " inside an IPv6"
                        + " address)");
            }
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private network address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (Arrays.equals(address.getAddress(), new byte[] { -1, -1, -1, -1 })) {
            return Optional.of("the broadcast address");
        }
        return BLOCKS.entrySet().stream().filter(b -> b.getKey().contains(address)).map(Map.Entry::getValue)
                .findFirst();
    }

    /** @return the IPv4 address an IPv6 address carries in its last (or, for 6to4, second and third) 32 bits */
    private static Optional<Inet4Address> carriedIpv4(Inet6Address address) {
        byte[] bytes = address.getAddress();
        byte[] v4;
        if (address.isIPv4CompatibleAddress() || V4_CARRIERS.stream().anyMatch(b -> b.contains(address))
                || isMapped(bytes)) {
            v4 = Arrays.copyOfRange(bytes, 12, 16);
        } else if (SIX_TO_FOUR.contains(address)) {
            v4 = Arrays.copyOfRange(bytes, 2, 6);
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == -1 && bytes[11] == -1;
    }
}
