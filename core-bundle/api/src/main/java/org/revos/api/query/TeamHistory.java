package org.revos.api.query;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which team each user belonged to when: changing a user's team starts a new membership and keeps the old ones, so
 * figures of past periods keep counting the user in the team of that time.
 */
public final class TeamHistory {

    private final Map<String, long[]> since;
    private final Map<String, String[]> teams;

    TeamHistory(Map<String, long[]> since, Map<String, String[]> teams) {
        this.since = since;
        this.teams = teams;
    }

    /**
     * @return the team of {@code userId} at {@code epochMillis}: the latest membership that started at or before it,
     *         or the user's first team when the instant precedes every membership; {@code null} for unknown users
     */
    public String teamAt(String userId, long epochMillis) {
        long[] from = since.get(userId);
        if (from == null || from.length == 0) {
            return null;
        }
        int i = Arrays.binarySearch(from, epochMillis);
        int at = i >= 0 ? lastEqual(from, i) : Math.max(0, -i - 2);
        return teams.get(userId)[at];
    }

    private static int lastEqual(long[] from, int i) {
        while (i + 1 < from.length && from[i + 1] == from[i]) {
            i++;
        }
        return i;
    }

    /** @return a copy without memberships that started after {@code epochMillis} (a user keeps at least one) */
    TeamHistory until(long epochMillis) {
        Map<String, long[]> s = new HashMap<>();
        Map<String, String[]> t = new HashMap<>();
        since.forEach((user, from) -> {
            int n = 0;
            while (n < from.length && from[n] <= epochMillis) {
                n++;
            }
            n = Math.max(1, n);
            s.put(user, Arrays.copyOf(from, n));
            t.put(user, Arrays.copyOf(teams.get(user), n));
        });
        return new TeamHistory(s, t);
    }

    Map<String, long[]> since() {
        return since;
    }

    Map<String, String[]> teams() {
        return teams;
    }
}
