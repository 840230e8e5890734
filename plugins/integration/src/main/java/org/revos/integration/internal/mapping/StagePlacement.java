package org.revos.integration.internal.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;

/**
 * Finds the tenant stage a source stage lands in. A value that is a stage's id or label is that stage. A meaning
 * (won, lost, open at a probability) lands in the pipeline's first WON or LOST stage, or in the open stage with the
 * highest probability not above the source's, so an import never overstates how far a deal got. An open meaning only
 * lands in stages an imported row can enter without more data (no required properties, no entry criteria); name such a
 * stage in a mapping when the file carries what it needs. A WON meaning in a pipeline without a WON stage (the lead
 * lifecycle's "customer") lands in its last such open stage.
 */
final class StagePlacement {

    private StagePlacement() {
    }

    /** @return the stage whose id or label is {@code value}, ignoring case */
    static Optional<Stage> byIdOrLabel(Pipeline pipeline, String value) {
        String wanted = value.trim();
        return pipeline.stages().stream()
                .filter(s -> s.id().equalsIgnoreCase(wanted) || s.label().equalsIgnoreCase(wanted)).findFirst();
    }

    /** @return the stage {@code meaning} lands in; empty when the pipeline has none of its category */
    static Optional<Stage> of(Pipeline pipeline, StageMeaning meaning) {
        List<Stage> open = pipeline.stages().stream().filter(s -> s.category() == StageCategory.OPEN
                && s.requiredProperties().isEmpty() && s.entryCriteria().isEmpty()).toList();
        return switch (meaning.category()) {
        case WON -> first(pipeline, StageCategory.WON).or(() -> open.stream().reduce((a, b) -> b));
        case LOST -> first(pipeline, StageCategory.LOST);
        case OPEN -> open.stream().filter(s -> s.probability() <= meaning.probability() + 1e-9)
                .reduce((a, b) -> b.probability() >= a.probability() ? b : a)
                .or(() -> open.stream().findFirst()).or(() -> first(pipeline, StageCategory.OPEN));
        default -> Optional.empty();
        };
    }

    /**
     * What a row's won, closed and probability columns say its stage means: won when it says won; lost when closed
     * and not won; with a probability (and not said to be open), 100% is won and 0% lost; else open at that
     * probability. Empty when the row says nothing.
     */
    static Optional<StageMeaning> fromHints(Map<String, String> row) {
        Boolean won = bool(row.get(SourceHints.WON));
        Boolean closed = bool(row.get(SourceHints.CLOSED));
        Double probability = probability(row);
        if (Boolean.TRUE.equals(won)) {
            return Optional.of(StageMeaning.won());
        }
        if (Boolean.TRUE.equals(closed)) {
            return Optional.of(StageMeaning.lost());
        }
        if (probability != null && !Boolean.FALSE.equals(closed)) {
            return Optional.of(probability >= 1 ? StageMeaning.won()
                    : probability <= 0 ? StageMeaning.lost() : StageMeaning.open(probability));
        }
        if (probability != null || Boolean.FALSE.equals(closed)) {
            return Optional.of(StageMeaning.open(probability == null ? 0 : probability));
        }
        return Optional.empty();
    }

    private static Optional<Stage> first(Pipeline pipeline, StageCategory category) {
        return pipeline.stages().stream().filter(s -> s.category() == category).findFirst();
    }

    private static Boolean bool(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "y" -> Boolean.TRUE;
        case "false", "0", "no", "n" -> Boolean.FALSE;
        default -> null;
        };
    }

    /** @return the row's probability from 0 to 1: a fraction column, or a percent column */
    private static Double probability(Map<String, String> row) {
        Double fraction = number(row.get(SourceHints.PROBABILITY));
        if (fraction != null) {
            return fraction > 1 ? fraction / 100 : fraction;
        }
        Double percent = number(row.get(SourceHints.PROBABILITY_PERCENT));
        return percent == null ? null : percent / 100;
    }

    private static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.trim().replace("%", ""));
            return Double.isFinite(d) && d >= 0 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
