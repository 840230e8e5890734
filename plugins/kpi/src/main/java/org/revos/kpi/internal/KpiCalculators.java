package org.revos.kpi.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.spi.InvalidKpiRequest;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;

/**
 * The KPI calculators of every plugin, offered per tenant and called through the plugin gateway. A calculator of a
 * plugin disabled for the tenant is absent for that tenant only; one whose definition cannot be read (it throws,
 * times out, or its plugin is quarantined for the tenant) is left out and logged. When two plugins offer the same
 * KPI id, the higher service ranking wins.
 */
@Component(service = KpiCalculators.class)
public final class KpiCalculators {

    private static final Logger LOG = Logger.getLogger(KpiCalculators.class.getName());

    /** A KPI a plugin offers. */
    public record Offered(String pluginId, KpiDefinition definition, KpiCalculator calculator) {
        public String id() {
            return definition.id();
        }
    }

    /** What a calculator answered: a result, or the parameters it refused (which is not a plugin failure). */
    private record Outcome(KpiResult result, InvalidKpiRequest refused) {
    }

    private final PluginCalls gateway;
    private final Map<ServiceReference<KpiCalculator>, KpiCalculator> calculators = new ConcurrentHashMap<>();
    private final Map<ServiceReference<KpiCalculator>, KpiDefinition> definitions = new ConcurrentHashMap<>();
    /** Moves whenever a calculator comes or goes (see {@link #revision()}). */
    private final AtomicLong revision = new AtomicLong();

    @Activate
    public KpiCalculators(@Reference PluginCalls plugins) {
        this.gateway = plugins;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCalculator(ServiceReference<KpiCalculator> ref, KpiCalculator calculator) {
        calculators.put(ref, calculator);
        revision.incrementAndGet();
    }

    void removeCalculator(ServiceReference<KpiCalculator> ref) {
        calculators.remove(ref);
        definitions.remove(ref);
        revision.incrementAndGet();
    }

    /**
     * @return a number that moves whenever a calculator is registered or unregistered: what calculators memoized in a
     *         facts snapshot ({@code Facts.derived}) is an instance of their own classes, which a new revision of
     *         their plugin cannot read, so the projection starts a snapshot without memos when it moves
     */
    public long revision() {
        return revision.get();
    }

    /** @return the KPIs offered to the tenant, by id, highest ranking first among equal ids */
    public Map<String, Offered> forTenant(String tenantId) {
        Map<String, Offered> offered = new LinkedHashMap<>();
        List<Map.Entry<ServiceReference<KpiCalculator>, KpiCalculator>> ranked = new ArrayList<>(
                calculators.entrySet());
        ranked.sort(Map.Entry.comparingByKey((a, b) -> b.compareTo(a)));
        for (Map.Entry<ServiceReference<KpiCalculator>, KpiCalculator> c : ranked) {
            String pluginId = gateway.pluginId(c.getKey());
            if (!gateway.enabled(tenantId, pluginId)) {
                continue;
            }
            definition(c.getKey(), pluginId, c.getValue(), tenantId).ifPresent(d -> {
                Offered previous = offered.putIfAbsent(d.id(), new Offered(pluginId, d, c.getValue()));
                if (previous != null && !previous.pluginId().equals(pluginId)) {
                    LOG.warning("KPI " + d.id() + " of " + pluginId + " is ignored for tenant " + tenantId
                            + ": " + previous.pluginId() + " offers a KPI with that id already");
                }
            });
        }
        return offered;
    }

    private Optional<KpiDefinition> definition(ServiceReference<KpiCalculator> reference, String pluginId,
            KpiCalculator calculator, String tenantId) {
        KpiDefinition known = definitions.get(reference);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            KpiDefinition d = gateway.call(pluginId, tenantId, "kpi definition", calculator::definition);
            definitions.put(reference, d);
            return Optional.of(d);
        } catch (PluginCallFailed e) {
            LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            return Optional.empty();
        }
    }

    /**
     * Computes one KPI through the gateway.
     *
     * @throws InvalidKpiRequest when the calculator refused the request's parameters
     * @throws PluginCallFailed  when the plugin failed, timed out or is fenced off
     */
    public KpiResult compute(Offered kpi, String tenantId, KpiRequest request) throws PluginCallFailed {
        Outcome outcome = gateway.call(kpi.pluginId(), tenantId, "kpi " + kpi.id(), () -> {
            try {
                return new Outcome(kpi.calculator().compute(request), null);
            } catch (InvalidKpiRequest refused) {
                return new Outcome(null, refused);
            } catch (IllegalArgumentException refused) {
                return new Outcome(null, new InvalidKpiRequest(problems(refused.getMessage())));
            }
        });
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.result();
    }

    /** @return a plain message as problems: {@code "from: is required"} names {@code from}, others name the KPI */
    static Map<String, String> problems(String message) {
        String text = message == null ? "is invalid" : message;
        int colon = text.indexOf(": ");
        if (colon > 0 && text.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_]*")) {
            return Map.of(text.substring(0, colon), text.substring(colon + 2));
        }
        return Map.of("parameters", text);
    }
}
