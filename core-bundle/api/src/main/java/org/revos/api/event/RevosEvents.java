package org.revos.api.event;

/**
 * Event Admin topics and properties of RevOS domain events. Events are posted asynchronously after the transaction
 * that caused them has committed; a handler never sees an event for data that was rolled back. Every event carries
 * {@link #TENANT}, {@link #OBJECT_TYPE}, {@link #OBJECT_ID} and {@link #AT}.
 */
public final class RevosEvents {

    /** A deal entered a stage of category WON. Extra properties: {@link #STAGE}, {@link #ARR_CENTS}. */
    public static final String DEAL_WON = "org/revos/deal/WON";
    /** A lead or deal moved between stages. Extra properties: {@link #FROM_STAGE}, {@link #STAGE}, {@link #PIPELINE}. */
    public static final String STAGE_CHANGED = "org/revos/stage/CHANGED";
    /** A revenue event was recorded. Extra properties: {@link #ACCOUNT_ID}, {@link #ARR_CENTS}, {@link #KIND}. */
    public static final String REVENUE_RECORDED = "org/revos/revenue/RECORDED";
    /**
     * An account reached its credit threshold and turned green. Extra properties: {@link #ACCOUNT_ID},
     * {@link #OWNER_ID} (the owner before any handover), {@link #NEW_OWNER_ID} (present when it was handed over).
     */
    public static final String ACCOUNT_GREEN = "org/revos/credit/ACCOUNT_GREEN";
    /**
     * Lead intake decided where a sign-up goes (type LEAD, the lead's id). Extra properties: {@link #OUTCOME}
     * ({@code ROUTED} to a rep, {@code QUEUED}, {@code DIVERTED} to a fallback), {@link #OWNER_ID} when routed,
     * {@link #LANE} (the queue or fallback) otherwise, {@link #SCORE}.
     *
     * @since 1.2
     */
    public static final String LEAD_ROUTED = "org/revos/lead/ROUTED";
    /**
     * Lead intake made a lead MQL through the stage engine (type LEAD). Extra properties: {@link #SCORE},
     * {@link #OWNER_ID} when it has one.
     *
     * @since 1.2
     */
    public static final String LEAD_MQL = "org/revos/lead/MQL";
    /** Any tenant object was created; topic prefix of CREATED, UPDATED and DELETED. */
    public static final String OBJECT_CREATED = "org/revos/object/CREATED";
    public static final String OBJECT_UPDATED = "org/revos/object/UPDATED";
    public static final String OBJECT_DELETED = "org/revos/object/DELETED";
    /** Subscribe to every RevOS topic. */
    public static final String ALL = "org/revos/*";

    public static final String TENANT = "tenant";
    public static final String OBJECT_TYPE = "objectType";
    public static final String OBJECT_ID = "objectId";
    public static final String AT = "at";
    public static final String ACCOUNT_ID = "accountId";
    public static final String ARR_CENTS = "arrCents";
    public static final String KIND = "kind";
    public static final String PIPELINE = "pipeline";
    public static final String FROM_STAGE = "fromStage";
    public static final String STAGE = "stage";
    public static final String ACTOR = "actor";
    public static final String OWNER_ID = "ownerId";
    public static final String NEW_OWNER_ID = "newOwnerId";
    /** @since 1.2 */
    public static final String OUTCOME = "outcome";
    /** @since 1.2 */
    public static final String LANE = "lane";
    /** @since 1.2 */
    public static final String SCORE = "score";
    /**
     * What wrote the change when it brought history rather than news: {@code import:<jobId>} for a CSV import,
     * {@code sync:<definitionId>} for the first run of an inbound sync that reads its source. Absent for API requests
     * and later sync runs. An account turned green by such writes alone says so too ({@link #ACCOUNT_GREEN} carries
     * their origin). Team notifications (webhooks) skip events that have it.
     *
     * @since 1.1
     */
    public static final String ORIGIN = "origin";

    private RevosEvents() {
    }
}
