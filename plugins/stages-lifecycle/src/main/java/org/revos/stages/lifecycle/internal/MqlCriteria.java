package org.revos.stages.lifecycle.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

import org.revos.api.model.ActivityType;
import org.revos.api.model.EntryCriterion;

/**
 * A tenant's MQL entry criteria from its settings: the demographic rule (countries, minimum company size, title
 * keywords; each applies when given) and the qualifying action (activities of some types, a minimum count). What is
 * not configured is not required; entries that do not parse are logged and ignored.
 */
final class MqlCriteria {

    private static final Logger LOG = Logger.getLogger(MqlCriteria.class.getName());

    private MqlCriteria() {
    }

    static List<EntryCriterion> parse(String tenantId, String[] countries, int minimumEmployees,
            String[] titleKeywords, String[] activityTypes, int minimumActivities) {
        List<EntryCriterion> criteria = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (String country : countries) {
            String code = country.trim().toUpperCase(Locale.ROOT);
            if (code.matches("[A-Z]{2}")) {
                codes.add(code);
            } else if (!code.isEmpty()) {
                LOG.warning("Tenant " + tenantId + ": MQL country '" + country + "' is ignored; use ISO-3166 alpha-2"
                        + " codes such as DE");
            }
        }
        if (!codes.isEmpty()) {
            criteria.add(new EntryCriterion.FieldIn("mql-country", "based in a target country", "country", codes));
        }
        if (minimumEmployees > 0) {
            criteria.add(new EntryCriterion.FieldAtLeast("mql-employees", "a company of the target size",
                    "employees", minimumEmployees));
        }
        List<String> keywords = Arrays.stream(titleKeywords).map(String::trim).filter(k -> !k.isEmpty()).toList();
        if (!keywords.isEmpty()) {
            criteria.add(new EntryCriterion.FieldContainsAny("mql-title", "a target job title", "title", keywords));
        }
        Set<ActivityType> types = activityTypes(tenantId, activityTypes);
        if (!types.isEmpty() || minimumActivities > 0) {
            criteria.add(new EntryCriterion.ActivitiesAtLeast("mql-action", "a qualifying action", types,
                    Math.max(1, minimumActivities)));
        }
        return List.copyOf(criteria);
    }

    private static Set<ActivityType> activityTypes(String tenantId, String[] names) {
        Set<ActivityType> types = EnumSet.noneOf(ActivityType.class);
        for (String name : names) {
            String type = name.trim().toUpperCase(Locale.ROOT);
            try {
                if (!type.isEmpty()) {
                    types.add(ActivityType.valueOf(type));
                }
            } catch (IllegalArgumentException e) {
                LOG.warning("Tenant " + tenantId + ": qualifying activity type '" + name + "' is ignored; use one of "
                        + Arrays.toString(ActivityType.values()));
            }
        }
        return types;
    }
}
