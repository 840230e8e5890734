package org.revos.integration.internal.mapping;

import org.revos.api.model.StageCategory;

/**
 * What a source stage means, whatever the tenant calls its own stages: won, lost, or open with a win probability (for
 * lifecycle stages, how far along the funnel it is).
 *
 * @param category    OPEN, WON or LOST
 * @param probability from 0 to 1; for OPEN stages it picks the tenant stage
 */
public record StageMeaning(StageCategory category, double probability) {

    public static StageMeaning open(double probability) {
        return new StageMeaning(StageCategory.OPEN, probability);
    }

    public static StageMeaning won() {
        return new StageMeaning(StageCategory.WON, 1.0);
    }

    public static StageMeaning lost() {
        return new StageMeaning(StageCategory.LOST, 0.0);
    }

    @Override
    public String toString() {
        return category == StageCategory.OPEN ? "open at " + Math.round(probability * 100) + "%"
                : category.name().toLowerCase(java.util.Locale.ROOT);
    }
}
