package org.revos.integration.internal.mapping;

import java.util.Set;

/**
 * Row values an importer may hand over that are no RevOS field but tell what another value means: whether a deal's
 * stage is won or closed and its probability, for stages no mapping names; and a contact's or company's lifecycle
 * stage. A request maps a column onto one with {@code map=Column=stageWon}, as onto a field.
 */
public final class SourceHints {

    /** true when the deal's stage is a won one (HubSpot "Is Closed Won", Salesforce "Won") */
    public static final String WON = "stageWon";
    /** true when the deal's stage is closed, won or lost (HubSpot "Is Deal Closed?", Salesforce "Closed") */
    public static final String CLOSED = "stageClosed";
    /** the stage's win probability from 0 to 1 (HubSpot "Deal probability") */
    public static final String PROBABILITY = "stageProbability";
    /** the stage's win probability from 0 to 100 (Salesforce "Probability (%)") */
    public static final String PROBABILITY_PERCENT = "stageProbabilityPercent";
    /** a contact's or company's lifecycle stage (HubSpot "Lifecycle Stage") */
    public static final String LIFECYCLE_STAGE = "lifecycleStage";

    /** Every hint. */
    public static final Set<String> ALL = Set.of(WON, CLOSED, PROBABILITY, PROBABILITY_PERCENT, LIFECYCLE_STAGE);

    /** The property a contact's or company's mapped lifecycle stage is kept in. */
    public static final String LIFECYCLE_PROPERTY = "lifecycleStage";

    private SourceHints() {
    }
}
