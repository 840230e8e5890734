package org.revos.bench.kpi;

import java.util.List;

/**
 * A generated tenant held as columns, row {@code i} of each group across its arrays; the loaders write the same rows
 * into Derby (for RevOS) and DuckDB (for the baseline). Ids are derived from the row number ({@link #userId(int)} and
 * friends), so no id strings are held. Instants are epoch milliseconds.
 */
public final class GeneratedTenant {

    /** The deal pipeline's stages in their order, then the two closing stages (the stages plugin's default). */
    public static final List<String> STAGES = List.of("QUALIFICATION", "OPPORTUNITY", "PROPOSAL", "NEGOTIATION",
            "CLOSED_WON", "CLOSED_LOST");
    public static final int WON = 4;
    public static final int LOST = 5;
    public static final String PIPELINE = "sales";
    public static final List<String> SEGMENTS = List.of("SMB", "MID_MARKET", "ENTERPRISE");
    public static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "NL", "ES", "CA", "AU", "JP", "BR");
    public static final List<String> KINDS = List.of("NEW", "EXPANSION", "CONTRACTION", "CHURN", "RENEWAL");
    public static final long NO_ARR = -1;
    public static final int NO_CLOSE_DATE = Integer.MIN_VALUE;

    final TenantShape shape;

    /**
     * Users: role AE (1) or AM (0), segment index; their current team is the last of their memberships, and a user
     * without memberships is in no team.
     */
    final boolean[] userIsAe;
    final byte[] userSegment;

    /** Team memberships: user, team number, since. */
    final int[] memberUser;
    final int[] memberTeam;
    final long[] memberSince;

    final long[] accountCreated;
    final int[] accountOwner;
    final byte[] accountSegment;
    final byte[] accountCountry;

    final long[] dealCreated;
    final int[] dealAccount;
    final int[] dealOwner;
    /** {@link #NO_ARR} for a deal without amount (stored as 0 by RevOS, NULL in the baseline) */
    final long[] dealArrCents;
    /** The deal's close date as an epoch day, {@link #NO_CLOSE_DATE} for none. */
    final int[] dealCloseDay;
    /** The deal's current stage (its last transition's). */
    final byte[] dealStage;

    /** Stage transitions in generation order (by deal, then time): deal, from stage (-1 at creation), to stage. */
    final int[] transitionDeal;
    final byte[] transitionFrom;
    final byte[] transitionTo;
    final long[] transitionAt;

    /** Revenue events by account, then time: kind index into {@link #KINDS}, deal (-1 when self-serve). */
    final int[] revenueAccount;
    final long[] revenueAt;
    final byte[] revenueKind;
    final long[] revenueDeltaCents;
    final int[] revenueDeal;
    /** When each event was recorded: mostly as it occurred, some later (back-dated), some before (future-dated). */
    final long[] revenueRecorded;

    GeneratedTenant(TenantShape shape, boolean[] userIsAe, byte[] userSegment, int[] memberUser, int[] memberTeam,
            long[] memberSince, long[] accountCreated, int[] accountOwner, byte[] accountSegment,
            byte[] accountCountry, long[] dealCreated, int[] dealAccount, int[] dealOwner, long[] dealArrCents, int[] dealCloseDay,
            byte[] dealStage, int[] transitionDeal, byte[] transitionFrom, byte[] transitionTo, long[] transitionAt,
            int[] revenueAccount, long[] revenueAt, byte[] revenueKind, long[] revenueDeltaCents, int[] revenueDeal,
            long[] revenueRecorded) {
        this.shape = shape;
        this.userIsAe = userIsAe;
        this.userSegment = userSegment;
        this.memberUser = memberUser;
        this.memberTeam = memberTeam;
        this.memberSince = memberSince;
        this.accountCreated = accountCreated;
        this.accountOwner = accountOwner;
        this.accountSegment = accountSegment;
        this.accountCountry = accountCountry;
        this.dealCreated = dealCreated;
        this.dealAccount = dealAccount;
        this.dealOwner = dealOwner;
        this.dealArrCents = dealArrCents;
        this.dealCloseDay = dealCloseDay;
        this.dealStage = dealStage;
        this.transitionDeal = transitionDeal;
        this.transitionFrom = transitionFrom;
        this.transitionTo = transitionTo;
        this.transitionAt = transitionAt;
        this.revenueAccount = revenueAccount;
        this.revenueAt = revenueAt;
        this.revenueKind = revenueKind;
        this.revenueDeltaCents = revenueDeltaCents;
        this.revenueDeal = revenueDeal;
        this.revenueRecorded = revenueRecorded;
    }

    public TenantShape shape() {
        return shape;
    }

    public int users() {
        return userIsAe.length;
    }

    public int memberships() {
        return memberUser.length;
    }

    public int accounts() {
        return accountCreated.length;
    }

    public int deals() {
        return dealCreated.length;
    }

    public int transitions() {
        return transitionDeal.length;
    }

    public int revenueEvents() {
        return revenueAccount.length;
    }

    /** @return the deal's ARR as RevOS stores it: a deal without amount has 0 */
    long arrOrZero(int deal) {
        return dealArrCents[deal] == NO_ARR ? 0 : dealArrCents[deal];
    }

    /** @return the team a user belongs to now: the last membership's; {@code null} for a user in no team */
    String currentTeam(int user) {
        String team = null;
        for (int m = 0; m < memberUser.length; m++) {
            if (memberUser[m] == user) {
                team = teamName(memberTeam[m]);
            }
        }
        return team;
    }

    static String userId(int i) {
        return String.format("usr_%05d", i);
    }

    static String accountId(int i) {
        return String.format("acc_%07d", i);
    }

    static String dealId(int i) {
        return String.format("dea_%08d", i);
    }

    static String transitionId(int i) {
        return String.format("stt_%09d", i);
    }

    static String revenueId(int i) {
        return String.format("rev_%09d", i);
    }

    static String membershipId(int i) {
        return String.format("tmb_%06d", i);
    }

    static String teamName(int team) {
        return "team-" + (team + 1);
    }
}
