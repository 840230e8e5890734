package org.revos.integration.internal.mapping;

/** The kinds of source values an import maps, each under its name in a mappings document. */
public enum ValueKind {
    /** a deal's stage, onto a stage of the tenant's default deal pipeline */
    STAGES("stages", "deal stage", "mapStage"),
    /** a lead's, contact's or company's lifecycle stage, onto a stage of the tenant's lead lifecycle */
    LIFECYCLE_STAGES("lifecycleStages", "lifecycle stage", "mapLifecycleStage"),
    /** a deal's type, onto NEW_BUSINESS, EXPANSION, CROSS_SELL, RENEWAL or CONTRACTION */
    DEAL_TYPES("dealTypes", "deal type", "mapDealType"),
    /** a lost deal's reason, onto one of the tenant's loss-reason codes */
    LOSS_REASONS("lossReasons", "loss reason", "mapLossReason"),
    /** an owner by name or e-mail, onto a user */
    OWNERS("owners", "owner", "mapOwner");

    private final String key;
    private final String words;
    private final String parameter;

    ValueKind(String key, String words, String parameter) {
        this.key = key;
        this.words = words;
        this.parameter = parameter;
    }

    /** @return the member of a mappings document that holds this kind ({@code stages}, ...) */
    public String key() {
        return key;
    }

    /** @return the kind in plain words, for messages */
    public String words() {
        return words;
    }

    /** @return the query parameter that overrides this kind for one import ({@code mapStage}, ...) */
    public String parameter() {
        return parameter;
    }
}
