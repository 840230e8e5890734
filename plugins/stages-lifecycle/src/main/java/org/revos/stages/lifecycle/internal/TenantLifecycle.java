package org.revos.stages.lifecycle.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.revos.api.model.EntryCriterion;

/**
 * The settings of one tenant, one component per factory configuration (the runtime writes one per tenant an admin
 * configured). Entries that do not parse are logged and ignored; the rest applies.
 */
@Component(service = TenantLifecycle.class, configurationPid = TenantLifecycle.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LifecycleSettings.class, factory = true)
public final class TenantLifecycle {

    static final String PID = "org.revos.stages.lifecycle";
    private static final Logger LOG = Logger.getLogger(TenantLifecycle.class.getName());
    private static final String ID = "[A-Za-z][A-Za-z0-9_-]{0,99}";

    private final String tenantId;
    private final List<String> lossReasons;
    private final Map<String, List<String>> extraRequired;
    private final List<String> additionalPipelines;
    private final List<EntryCriterion> mqlCriteria;

    @Activate
    public TenantLifecycle(LifecycleSettings settings) {
        this(settings.revos_tenant(), settings.lossReasons(), settings.extraRequiredProperties(),
                settings.additionalDealPipelines(), MqlCriteria.parse(settings.revos_tenant(), settings.mqlCountries(),
                        settings.mqlMinimumEmployees(), settings.mqlTitleKeywords(), settings.mqlActivityTypes(),
                        settings.mqlMinimumActivities()));
    }

    TenantLifecycle(String tenantId, String[] lossReasons, String[] extraRequired, String[] pipelines,
            List<EntryCriterion> mqlCriteria) {
        this.tenantId = tenantId;
        this.mqlCriteria = List.copyOf(mqlCriteria);
        this.lossReasons = Arrays.stream(lossReasons).map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.extraRequired = parseRequirements(tenantId, extraRequired);
        List<String> ids = new ArrayList<>();
        for (String id : pipelines) {
            if (id.trim().matches(ID)) {
                ids.add(id.trim());
            } else {
                LOG.warning("Tenant " + tenantId + ": pipeline id '" + id + "' is ignored; use letters, digits, - or _");
            }
        }
        this.additionalPipelines = List.copyOf(ids);
    }

    private static Map<String, List<String>> parseRequirements(String tenantId, String[] entries) {
        Map<String, List<String>> byStage = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split(":", 2);
            if (parts.length != 2 || !parts[0].trim().matches(ID) || !parts[1].trim().matches(ID)) {
                LOG.warning("Tenant " + tenantId + ": extra requirement '" + entry
                        + "' is ignored; write STAGE:property, e.g. OPPORTUNITY:competitor");
                continue;
            }
            byStage.computeIfAbsent(parts[0].trim(), s -> new ArrayList<>()).add(parts[1].trim());
        }
        return byStage;
    }

    String tenantId() {
        return tenantId;
    }

    /** @return the tenant's codes, empty when it keeps the defaults */
    List<String> lossReasons() {
        return lossReasons;
    }

    /** @return property keys to add to a stage's entry requirements, by stage id */
    Map<String, List<String>> extraRequired() {
        return extraRequired;
    }

    List<String> additionalPipelines() {
        return additionalPipelines;
    }

    /** @return what a lead must meet to enter MQL, empty when the tenant has configured nothing */
    List<EntryCriterion> mqlCriteria() {
        return mqlCriteria;
    }
}
