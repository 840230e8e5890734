package org.revos.integration.internal;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.Contributions;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;

/**
 * The import or export formats that plugins offer a tenant, each asked for its name and objects through the gateway.
 *
 * @param <S> {@code Importer} or {@code Exporter}
 */
final class Formats<S> {

    private static final Logger LOG = Logger.getLogger(Formats.class.getName());

    private final Contributions<S> services;
    private final PluginCalls gateway;
    private final Function<S, String> name;
    private final java.util.function.BiPredicate<S, ObjectType> supports;

    Formats(Contributions<S> services, PluginCalls gateway, Function<S, String> name,
            java.util.function.BiPredicate<S, ObjectType> supports) {
        this.services = services;
        this.gateway = gateway;
        this.name = name;
        this.supports = supports;
    }

    /** @return the tenant's contribution of {@code format} for {@code type}, highest ranking first */
    Optional<Contribution<S>> find(String tenantId, String format, ObjectType type) {
        return services.enabledFor(tenantId).stream()
                .filter(c -> format.equals(ask(c, tenantId, name::apply)))
                .filter(c -> Boolean.TRUE.equals(ask(c, tenantId, s -> supports.test(s, type)))).findFirst();
    }

    /** @return the format names the tenant can use for {@code type} */
    List<String> names(String tenantId, ObjectType type) {
        TreeSet<String> out = new TreeSet<>();
        Predicate<Contribution<S>> fits = c -> Boolean.TRUE.equals(ask(c, tenantId, s -> supports.test(s, type)));
        services.enabledFor(tenantId).stream().filter(fits).map(c -> ask(c, tenantId, name::apply))
                .filter(n -> n != null).forEach(out::add);
        return List.copyOf(out);
    }

    private <T> T ask(Contribution<S> c, String tenantId, Function<S, T> question) {
        try {
            return gateway.call(c.pluginId(), tenantId, "format", () -> question.apply(c.service()));
        } catch (PluginCallFailed e) {
            LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            return null;
        }
    }
}
