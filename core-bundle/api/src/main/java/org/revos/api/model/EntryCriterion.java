package org.revos.api.model;

import java.util.List;
import java.util.Set;

/**
 * A condition an object must meet to enter a stage, beyond its required properties: a demographic rule such as
 * "based in one of our countries" or a qualifying action such as "had at least one meeting". Criteria are data: a
 * stage model declares them and the runtime's stage engine evaluates them against the object, listing every unmet
 * one in its refusal.
 * <p>
 * A {@code field} is a field of the lead or deal as the REST API renders it ({@code country}, {@code employees},
 * {@code title}, {@code seats}, ...) or {@code properties.<key>} for a custom property. An unset field meets no
 * criterion.
 */
public sealed interface EntryCriterion {

    /** @return an id unique within its stage, e.g. {@code mql-country}; the refusal and GET /pipelines show it */
    String id();

    /** @return what the criterion asks for, in words a user understands, e.g. "based in a target country" */
    String description();

    /** The field's value is one of {@code values}; text is compared ignoring case. */
    record FieldIn(String id, String description, String field, List<String> values) implements EntryCriterion {
        public FieldIn {
            values = List.copyOf(values);
        }
    }

    /** The field holds a number of at least {@code minimum}. */
    record FieldAtLeast(String id, String description, String field, long minimum) implements EntryCriterion {
    }

    /** The field's text contains at least one of {@code keywords}, ignoring case (e.g. a job title). */
    record FieldContainsAny(String id, String description, String field, List<String> keywords)
            implements EntryCriterion {
        public FieldContainsAny {
            keywords = List.copyOf(keywords);
        }
    }

    /**
     * At least {@code minimum} activities of the given types (any type when empty) are linked to the object: the
     * qualifying action a lead must have taken.
     */
    record ActivitiesAtLeast(String id, String description, Set<ActivityType> types, int minimum)
            implements EntryCriterion {
        public ActivitiesAtLeast {
            types = Set.copyOf(types);
        }
    }
}
