package org.revos.runtime.internal.net;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The addresses of this machine's network interfaces: a URL that reaches one of them reaches the runtime's host. */
final class OwnAddresses {

    private static final Logger LOG = Logger.getLogger(OwnAddresses.class.getName());

    private OwnAddresses() {
    }

    /** @return every address of every interface, without IPv6 scope ids; empty when they cannot be listed */
    static Set<InetAddress> list() {
        Set<InetAddress> out = new HashSet<>();
        try {
            NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .forEach(a -> out.add(withoutScope(a)));
        } catch (SocketException e) {
            LOG.log(Level.WARNING, "Could not list this host's network addresses; only special ranges are refused", e);
        }
        return Set.copyOf(out);
    }

    static InetAddress withoutScope(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
