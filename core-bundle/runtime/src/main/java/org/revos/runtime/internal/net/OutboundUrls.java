package org.revos.runtime.internal.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.revos.kernel.spi.OutboundPolicy;
import org.revos.kernel.spi.RefusedUrl;
import org.revos.runtime.internal.settings.RuntimeSettings;
import org.revos.runtime.internal.settings.Settings;

/**
 * The one policy for URLs the runtime calls on a tenant's behalf (webhooks, sync sources): {@code http} or
 * {@code https} only, and every address the host resolves to must be public: not the runtime's own host (any address
 * of its network interfaces) and not a {@linkplain SpecialAddresses special range} (loopback, private networks,
 * link-local, ...), unless the platform admin allowed it with {@value RuntimeSettings#OUTBOUND_ALLOW}.
 * <p>
 * Checked twice: when a tenant configures the URL ({@link #refusal}: a host that does not resolve yet is let through,
 * it is checked again when called) and right before every call ({@link #checkBeforeConnecting}: the name is resolved
 * again, since DNS can change; the JDK's HttpClient then connects to the address just checked, which the JVM's
 * address cache holds for 30 s). Redirects are followed only by callers that check each hop.
 */
@Component(service = { OutboundUrls.class, OutboundPolicy.class })
public final class OutboundUrls implements OutboundPolicy {

    /** Looks a host up; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What the platform admin allows now: the settings change it while the runtime runs. */
    private volatile List<AddressBlock> allowed;
    private final Set<InetAddress> own;
    private final Resolver resolver;
    private Settings settings;
    private final Consumer<RuntimeSettings> follow = s -> this.allowed = List.copyOf(s.outboundAllow());

    @Activate
    public OutboundUrls(@Reference Settings settings) {
        this(settings.current().outboundAllow(), OwnAddresses.list(), InetAddress::getAllByName);
        this.settings = settings;
        settings.onChange(follow);
    }

    @Deactivate
    void stop() {
        if (settings != null) {
            settings.removeListener(follow);
        }
    }

    /**
     * A policy outside the framework (tests). A factory rather than a constructor: SCR weighs every public constructor
     * with as many parameters as the activation constructor and logs an error for each it cannot call.
     *
     * @param allowed what the platform admin allows although it is private or the runtime's own
     */
    public static OutboundUrls allowing(List<AddressBlock> allowed) {
        return new OutboundUrls(allowed, OwnAddresses.list(), InetAddress::getAllByName);
    }

    OutboundUrls(List<AddressBlock> allowed, Set<InetAddress> own, Resolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.own = Set.copyOf(own);
        this.resolver = resolver;
    }

    /**
     * At configuration time.
     *
     * @return why the runtime will not call the URL, in words that follow its field name; empty when it may
     */
    @Override
    public Optional<String> refusal(URI url) {
        Optional<String> form = form(url);
        if (form.isPresent()) {
            return form;
        }
        try {
            return refusal(url.getHost(), resolver.resolve(url.getHost()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Right before a call: resolves the host again and checks every address it has now.
     *
     * @throws RefusedUrl when the URL may not be called, or its host does not resolve
     */
    @Override
    public void checkBeforeConnecting(URI url) throws RefusedUrl {
        Optional<String> refusal = form(url);
        if (refusal.isEmpty()) {
            try {
                refusal = refusal(url.getHost(), resolver.resolve(url.getHost()));
            } catch (UnknownHostException e) {
                refusal = Optional.of("has a host, " + url.getHost() + ", that does not resolve");
            }
        }
        if (refusal.isPresent()) {
            throw new RefusedUrl(scheme(url) + "://" + url.getHost() + " was not called: the URL " + refusal.get());
        }
    }

    private static Optional<String> form(URI url) {
        String scheme = scheme(url);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        return Optional.empty();
    }

    private Optional<String> refusal(String host, InetAddress[] addresses) {
        for (InetAddress resolved : addresses) {
            InetAddress address = OwnAddresses.withoutScope(resolved);
            if (allowed.stream().anyMatch(b -> b.contains(address))) {
                continue;
            }
            Optional<String> kind = SpecialAddresses.kind(address);
            if (kind.isEmpty() && own.contains(address)) {
                kind = Optional.of("an address of the runtime's own host");
            }
            if (kind.isPresent()) {
                String where = address.getHostAddress().equalsIgnoreCase(unbracketed(host)) ? host
                        : host + " (" + address.getHostAddress() + ")";
                return Optional.of("reaches " + where + ", " + kind.get() + "; RevOS calls only public addresses"
                        + " unless the platform admin allows this one (" + RuntimeSettings.OUTBOUND_ALLOW + ")");
            }
        }
        return Optional.empty();
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }
}
