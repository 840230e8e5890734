package org.revos.bench.kpi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The baseline: the same rows in an in-memory DuckDB database and the same computations as plain SQL. Ids are the
 * generator's row numbers (the same rows RevOS holds under string ids). Each query answers raw integers per period;
 * {@link KpiFigures} turns them into KPI values with RevOS's rounding, so both sides can be compared cell by cell.
 */
public final class DuckDbBaseline implements AutoCloseable {

    /** Per-period outcome counts of the deals closed in it, and deals created in it. */
    public record Funnel(long created, long won, long lost, long wonCents) {
    }

    /** Per-period ARR bridge, minor units. */
    public record Bridge(long starting, long newArr, long expansion, long contraction, long churn,
            long retainedStarting, long retainedExpansion, long retainedContraction, long retainedChurn) {
        public long ending() {
            return starting + newArr + expansion - contraction - churn;
        }
    }

    /**
     * A quarter index from the first quarter asked, by arithmetic on the instant's local date-time in the tenant's
     * zone (no range join): {@code %1$s} is the instant column, {@code %2$s} the zone id.
     */
    private static final String QUARTER = "(year(" + local("%1$s", "%2$s") + ") - ?) * 4 + quarter("
            + local("%1$s", "%2$s") + ") - ?";
    private static final String CLOSED = """
            WITH closes AS (
              SELECT d, %s AS i, arg_max(stage, at) AS last
              FROM transitions
              WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST') AND at >= ? AND at < ?
              GROUP BY ALL)
            SELECT c.i, count(*) FILTER (WHERE c.last = 'CLOSED_WON'), count(*) FILTER (WHERE c.last = 'CLOSED_LOST'),
                   coalesce(sum(d.arr) FILTER (WHERE c.last = 'CLOSED_WON'), 0)
            FROM closes c JOIN deals d ON d.d = c.d %s
            GROUP BY c.i""";
    private static final String CREATED = """
            SELECT %s AS i, count(*) FROM deals d WHERE created >= ? AND created < ? %s GROUP BY i""";
    /** Each event's quarter as an index from the first period (-1: before it), then per account and quarter. */
    private static final String BRIDGE = """
            WITH ev AS (
              SELECT a, delta, kind,
                     greatest(-1, %s) AS q
              FROM revenue WHERE at < ?),
            per AS (
              SELECT a, q, sum(delta) AS net,
                     coalesce(sum(delta) FILTER (WHERE kind = 'NEW'), 0) AS nw,
                     coalesce(sum(delta) FILTER (WHERE kind = 'EXPANSION' OR (kind = 'RENEWAL' AND delta >= 0)), 0) AS ex,
                     coalesce(-sum(delta) FILTER (WHERE kind = 'CONTRACTION' OR (kind = 'RENEWAL' AND delta < 0)), 0) AS co,
                     coalesce(-sum(delta) FILTER (WHERE kind = 'CHURN'), 0) AS ch
              FROM ev GROUP BY a, q),
            cum AS (
              SELECT *, coalesce(sum(net) OVER (PARTITION BY a ORDER BY q
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before FROM per),
            quarters AS (
              SELECT q, sum(net) AS net, sum(nw) AS nw, sum(ex) AS ex, sum(co) AS co, sum(ch) AS ch,
                     sum(greatest(before + net, 0) - greatest(before, 0)) AS pos,
                     sum(ex) FILTER (WHERE before > 0) AS rex, sum(co) FILTER (WHERE before > 0) AS rco,
                     sum(ch) FILTER (WHERE before > 0) AS rch
              FROM cum GROUP BY q)
            SELECT q, coalesce(sum(net) OVER w, 0), nw, ex, co, ch, coalesce(sum(pos) OVER w, 0),
                   coalesce(rex, 0), coalesce(rco, 0), coalesce(rch, 0)
            FROM quarters WINDOW w AS (ORDER BY q ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            ORDER BY q""";
    private static final String SUMMARY = """
            WITH acc AS (
              SELECT a,
                     coalesce(sum(delta) FILTER (WHERE at < ?), 0) AS st,
                     coalesce(sum(delta) FILTER (WHERE at >= ? AND kind = 'NEW'), 0) AS nw,
                     coalesce(sum(delta) FILTER (WHERE at >= ? AND (kind = 'EXPANSION'
                              OR (kind = 'RENEWAL' AND delta >= 0))), 0) AS ex,
                     coalesce(-sum(delta) FILTER (WHERE at >= ? AND (kind = 'CONTRACTION'
                              OR (kind = 'RENEWAL' AND delta < 0))), 0) AS co,
                     coalesce(-sum(delta) FILTER (WHERE at >= ? AND kind = 'CHURN'), 0) AS ch
              FROM revenue WHERE at < ? GROUP BY a)
            SELECT sum(st), sum(nw), sum(ex), sum(co), sum(ch), sum(greatest(st, 0)),
                   coalesce(sum(ex) FILTER (WHERE st > 0), 0), coalesce(sum(co) FILTER (WHERE st > 0), 0),
                   coalesce(sum(ch) FILTER (WHERE st > 0), 0)
            FROM acc""";

    /** The team of each user at an instant: the last membership since then, else the first one (none: no team). */
    private static final String TEAM_AT = """
            SELECT u FROM (
              SELECT u, coalesce(arg_max(team, since) FILTER (WHERE since <= %d), arg_min(team, since)) AS team
              FROM memberships GROUP BY u)
            WHERE team = '%s'""";

    private final Connection connection;
    private final String zone;

    private DuckDbBaseline(Connection connection, java.time.ZoneId zone) {
        this.connection = connection;
        this.zone = zone.getId();
    }

    /** @return the local date-time of an epoch-milliseconds column in a zone (DuckDB's ICU time zones) */
    private static String local(String column, String zone) {
        return "timezone('" + zone + "', timezone('UTC', epoch_ms(" + column + ")))";
    }

    /** Opens an in-memory database and appends every row of {@code tenant}. */
    public static DuckDbBaseline load(GeneratedTenant tenant) throws SQLException {
        DuckDbBaseline db = new DuckDbBaseline(DriverManager.getConnection("jdbc:duckdb:"), tenant.shape().zone());
        db.create(tenant);
        return db;
    }

    private void create(GeneratedTenant t) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE deals (d INTEGER, created BIGINT, owner INTEGER, account INTEGER, arr BIGINT)");
            s.execute("CREATE TABLE transitions (d INTEGER, stage VARCHAR, at BIGINT)");
            s.execute("CREATE TABLE revenue (a INTEGER, at BIGINT, kind VARCHAR, delta BIGINT)");
            s.execute("CREATE TABLE memberships (u INTEGER, team VARCHAR, since BIGINT)");
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "deals")) {
            for (int d = 0; d < t.deals(); d++) {
                a.beginRow();
                a.append(d);
                a.append(t.dealCreated[d]);
                a.append(t.dealOwner[d]);
                a.append(t.dealAccount[d]);
                a.append(t.dealArrCents[d]);
                a.endRow();
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("UPDATE deals SET arr = NULL WHERE arr = " + GeneratedTenant.NO_ARR); // deals without amount
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "memberships")) {
            for (int m = 0; m < t.memberships(); m++) {
                a.beginRow();
                a.append(t.memberUser[m]);
                a.append(GeneratedTenant.teamName(t.memberTeam[m]));
                a.append(t.memberSince[m]);
                a.endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "transitions")) {
            for (int i = 0; i < t.transitions(); i++) {
                a.beginRow();
                a.append(t.transitionDeal[i]);
                a.append(GeneratedTenant.STAGES.get(t.transitionTo[i]));
                a.append(t.transitionAt[i]);
                a.endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "revenue")) {
            for (int r = 0; r < t.revenueEvents(); r++) {
                a.beginRow();
                a.append(t.revenueAccount[r]);
                a.append(t.revenueAt[r]);
                a.append(GeneratedTenant.KINDS.get(t.revenueKind[r]));
                a.append(t.revenueDeltaCents[r]);
                a.endRow();
            }
        }
    }

    /**
     * The funnel figures of consecutive quarters, each deal's outcome its last close in the quarter.
     *
     * @param owner a deal owner's row number to slice by, or -1 for every deal
     */
    public Map<Quarters.Quarter, Funnel> funnel(List<Quarters.Quarter> quarters, int owner) throws SQLException {
        return funnel(quarters, owner < 0 ? "" : " AND d.owner = " + owner);
    }

    /**
     * The funnel figures of one quarter for a team: the deals whose owner was in the team at the quarter's end (the
     * team history's rule; a user in no team is in none).
     */
    public Funnel funnelOfTeam(Quarters.Quarter quarter, String team) throws SQLException {
        long teamAt = quarter.end(java.time.ZoneId.of(zone)) - 1;
        return funnel(List.of(quarter), " AND d.owner IN (" + String.format(TEAM_AT, teamAt, team.replace("'", "''"))
                + ")").get(quarter);
    }

    private Map<Quarters.Quarter, Funnel> funnel(List<Quarters.Quarter> quarters, String slice) throws SQLException {
        long[][] closed = new long[quarters.size()][3];
        long[] created = new long[quarters.size()];
        try (PreparedStatement s = connection.prepareStatement(String.format(CLOSED, String.format(QUARTER, "at", zone),
                slice.isEmpty() ? "" : "WHERE" + slice.substring(4)))) {
            bind(s, quarters);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    closed[r.getInt(1)] = new long[] { r.getLong(2), r.getLong(3), r.getLong(4) };
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement(String.format(CREATED, String.format(QUARTER,
                "created", zone), slice))) {
            bind(s, quarters);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    created[r.getInt(1)] = r.getLong(2);
                }
            }
        }
        Map<Quarters.Quarter, Funnel> out = new LinkedHashMap<>();
        for (int i = 0; i < quarters.size(); i++) {
            out.put(quarters.get(i), new Funnel(created[i], closed[i][0], closed[i][1], closed[i][2]));
        }
        return out;
    }

    /** Binds the first quarter (for the index) and the bounds of all of them. */
    private void bind(PreparedStatement s, List<Quarters.Quarter> quarters) throws SQLException {
        java.time.ZoneId z = java.time.ZoneId.of(zone);
        s.setInt(1, quarters.get(0).year());
        s.setInt(2, quarters.get(0).quarter());
        s.setLong(3, quarters.get(0).start(z));
        s.setLong(4, quarters.get(quarters.size() - 1).end(z));
    }

    /** The ARR bridge of consecutive quarters (the first one's start is everything before it). */
    public Map<Quarters.Quarter, Bridge> bridges(List<Quarters.Quarter> quarters) throws SQLException {
        Quarters.Quarter first = quarters.get(0);
        Map<Quarters.Quarter, Bridge> out = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(String.format(BRIDGE, String.format(QUARTER, "at",
                zone)))) {
            s.setInt(1, first.year());
            s.setInt(2, first.quarter());
            s.setLong(3, quarters.get(quarters.size() - 1).end(java.time.ZoneId.of(zone)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int q = r.getInt(1);
                    if (q >= 0 && q < quarters.size()) {
                        out.put(quarters.get(q), new Bridge(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                                r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10)));
                    }
                }
            }
        }
        return out;
    }

    /** The ARR bridge of one period, the revenue summary's query. */
    public Bridge summary(Quarters.Quarter quarter) throws SQLException {
        java.time.ZoneId z = java.time.ZoneId.of(zone);
        try (PreparedStatement s = connection.prepareStatement(SUMMARY)) {
            s.setLong(1, quarter.start(z));
            for (int p = 2; p <= 5; p++) {
                s.setLong(p, quarter.start(z));
            }
            s.setLong(6, quarter.end(z));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Bridge(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6),
                        r.getLong(7), r.getLong(8), r.getLong(9));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
