package org.revos.api.spi;

import java.util.List;

/**
 * A lead's score: each part normalised to 0–100.
 *
 * @param reasons what contributed, readable by a rep
 */
public record LeadScore(int firmographic, int engagement, int total, List<String> reasons) {
    public LeadScore {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
