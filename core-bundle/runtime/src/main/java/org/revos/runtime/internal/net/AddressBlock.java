package org.revos.runtime.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); a single address is a block of
 * one ({@code 127.0.0.1}).
 *
 * @param network the block's first address (host bits cleared)
 * @param prefix  how many leading bits every address of the block shares
 */
public record AddressBlock(InetAddress network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public AddressBlock {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("a prefix of " + network.getHostAddress() + " is 0 to " + bits);
        }
        network = masked(network, prefix);
    }

    /**
     * @param text an IP address literal, optionally with {@code /prefix}; never a host name (nothing is looked up)
     * @throws IllegalArgumentException when it is not one
     */
    public static AddressBlock parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        boolean v4 = IPV4.matcher(address).matches();
        if (v4 && Arrays.stream(address.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)
                || !v4 && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block such as 127.0.0.1,"
                    + " 10.0.0.0/8 or fd00::/8");
        }
        try {
            InetAddress network = InetAddress.getByName(address);
            int bits = network.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
            return new AddressBlock(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block such as 127.0.0.1,"
                    + " 10.0.0.0/8 or fd00::/8");
        }
    }

    /** @return whether the address is in this block (an address of the other IP version never is) */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        return a.length == n.length && masked(address, prefix).equals(network);
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            bytes[i] &= (byte) (0xFF << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
