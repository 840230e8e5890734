package org.revos.api.leads;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sign-up's score in two parts, each 0–100, and the lines that explain it. Build one with {@link #builder()}: each
 * line adds points to its part, and a part is capped to 0–100 when built (the explanation keeps every line).
 */
public final class ScoreCard {

    /** The part of the score a line adds to. */
    public enum Part {
        /** Firmographic fit: static facts such as country, company size and title. */
        FIT,
        /** Engagement: product usage, activities and growth, decaying with age. */
        ENGAGEMENT
    }

    /**
     * One rule's contribution.
     *
     * @param points what it added (may be fractional after decay, or negative)
     * @param reason readable by a rep ("company of 250 employees")
     */
    public record Line(Part part, String rule, double points, String reason) {
        public Line {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final double fit;
    private final double engagement;
    private final List<Line> lines;

    private ScoreCard(double fit, double engagement, List<Line> lines) {
        this.fit = fit;
        this.engagement = engagement;
        this.lines = List.copyOf(lines);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return the fit part, 0–100 */
    public double fit() {
        return fit;
    }

    /** @return the engagement part, 0–100 */
    public double engagement() {
        return engagement;
    }

    /** @return every line, in the order they were added */
    public List<Line> lines() {
        return lines;
    }

    /** Collects lines; {@link #build()} sums and caps each part. */
    public static final class Builder {

        private final List<Line> lines = new ArrayList<>();

        private Builder() {
        }

        public Builder fit(String rule, double points, String reason) {
            lines.add(new Line(Part.FIT, rule, points, reason));
            return this;
        }

        public Builder engagement(String rule, double points, String reason) {
            lines.add(new Line(Part.ENGAGEMENT, rule, points, reason));
            return this;
        }

        public ScoreCard build() {
            double fit = 0;
            double engagement = 0;
            for (Line l : lines) {
                if (!Double.isFinite(l.points())) {
                    throw new IllegalArgumentException("rule " + l.rule() + " added " + l.points() + " points");
                }
                if (l.part() == Part.FIT) {
                    fit += l.points();
                } else {
                    engagement += l.points();
                }
            }
            return new ScoreCard(cap(fit), cap(engagement), lines);
        }

        private static double cap(double points) {
            return Math.max(0, Math.min(100, points));
        }
    }
}
