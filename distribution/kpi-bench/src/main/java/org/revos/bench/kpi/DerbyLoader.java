package org.revos.bench.kpi;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes a generated tenant straight into the Derby schema the runtime created (the columns its JPA entities map,
 * {@code TENANT_ID} set to the tenant), in JDBC batches: creating a million deals through the REST API would take
 * hours. The runtime must be stopped (embedded Derby allows one process), and is started again on the same folder.
 */
public final class DerbyLoader {

    private static final int BATCH = 5_000;
    private static final int COMMIT_EVERY = 50_000;

    private final GeneratedTenant t;
    private final String tenantId;

    private DerbyLoader(GeneratedTenant t, String tenantId) {
        this.t = t;
        this.tenantId = tenantId;
    }

    /** Loads every row of {@code tenant} into the database in {@code derbyDir}, then shuts that database down. */
    public static void load(GeneratedTenant tenant, String tenantId, Path derbyDir) throws SQLException {
        String url = "jdbc:derby:" + derbyDir.toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            new DerbyLoader(tenant, tenantId).all(c);
            c.commit();
        }
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            if (!"08006".equals(expected.getSQLState())) {
                throw expected;
            }
        }
    }

    private void all(Connection c) throws SQLException {
        users(c);
        memberships(c);
        accounts(c);
        deals(c);
        transitions(c);
        revenue(c);
    }

    private static final String COMMON = "ID, EXTERNALID, CREATEDAT, UPDATEDAT, VERSION, TENANT_ID";

    private void users(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO USERS (" + COMMON
                + ", NAME, EMAIL, ROLE, TEAM, SEGMENT, CAPACITY) VALUES (?, NULL, ?, ?, 1, ?, ?, ?, ?, ?, ?, NULL)")) {
            for (int u = 0; u < t.users(); u++) {
                String id = GeneratedTenant.userId(u);
                common(s, id, t.shape.start());
                s.setString(5, "User " + u);
                s.setString(6, "user" + u + "@bench.example");
                s.setString(7, t.userIsAe[u] ? "AE" : "AM");
                s.setString(8, t.currentTeam(u));
                s.setString(9, GeneratedTenant.SEGMENTS.get(t.userSegment[u]));
                add(c, s, u);
            }
            s.executeBatch();
        }
    }

    private void memberships(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO TEAM_MEMBERSHIPS (" + COMMON
                + ", USERID, TEAM, SINCEAT) VALUES (?, NULL, ?, ?, 1, ?, ?, ?, ?)")) {
            for (int m = 0; m < t.memberships(); m++) {
                common(s, GeneratedTenant.membershipId(m), t.memberSince[m]);
                s.setString(5, GeneratedTenant.userId(t.memberUser[m]));
                s.setString(6, GeneratedTenant.teamName(t.memberTeam[m]));
                s.setLong(7, t.memberSince[m]);
                add(c, s, m);
            }
            s.executeBatch();
        }
    }

    private void accounts(Connection c) throws SQLException {
        long[] arr = new long[t.accounts()];
        for (int r = 0; r < t.revenueEvents(); r++) {
            arr[t.revenueAccount[r]] += t.revenueDeltaCents[r];
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ACCOUNTS (" + COMMON
                + ", NAME, COUNTRY, SEGMENT, OWNERID, PROPERTIES, ARRCENTS, SEATS)"
                + " VALUES (?, NULL, ?, ?, 1, ?, ?, ?, ?, ?, '{}', ?, 0)")) {
            for (int a = 0; a < t.accounts(); a++) {
                common(s, GeneratedTenant.accountId(a), t.accountCreated[a]);
                s.setString(5, "Account " + a);
                s.setString(6, GeneratedTenant.COUNTRIES.get(t.accountCountry[a]));
                s.setString(7, GeneratedTenant.SEGMENTS.get(t.accountSegment[a]));
                s.setString(8, GeneratedTenant.userId(t.accountOwner[a]));
                s.setLong(9, arr[a]);
                add(c, s, a);
            }
            s.executeBatch();
        }
    }

    private void deals(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO DEALS (" + COMMON
                + ", ACCOUNTID, OWNERID, NAME, TYPE, ARRCENTS, PIPELINE, STAGE, PROPERTIES, CLOSEDATE)"
                + " VALUES (?, NULL, ?, ?, 1, ?, ?, ?, ?, 'NEW_BUSINESS', ?, ?, ?, '{}', ?)")) {
            for (int d = 0; d < t.deals(); d++) {
                common(s, GeneratedTenant.dealId(d), t.dealCreated[d]);
                s.setString(5, GeneratedTenant.accountId(t.dealAccount[d]));
                s.setString(6, GeneratedTenant.userId(t.dealOwner[d]));
                s.setString(7, "Deal " + d);
                s.setLong(8, t.arrOrZero(d)); // RevOS keeps a deal without amount as 0
                s.setString(9, GeneratedTenant.PIPELINE);
                s.setString(10, GeneratedTenant.STAGES.get(t.dealStage[d]));
                if (t.dealCloseDay[d] == GeneratedTenant.NO_CLOSE_DATE) {
                    s.setNull(11, Types.DATE);
                } else {
                    s.setDate(11, java.sql.Date.valueOf(java.time.LocalDate.ofEpochDay(t.dealCloseDay[d])));
                }
                add(c, s, d);
            }
            s.executeBatch();
        }
    }

    private void transitions(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO STAGE_TRANSITIONS (" + COMMON
                + ", OBJECTTYPE, OBJECTID, PIPELINE, FROMSTAGE, TOSTAGE, TRANSITION_AT, ACTOR)"
                + " VALUES (?, NULL, ?, ?, 1, ?, 'DEAL', ?, ?, ?, ?, ?, 'bench')")) {
            for (int i = 0; i < t.transitions(); i++) {
                common(s, GeneratedTenant.transitionId(i), t.transitionAt[i]);
                s.setString(5, GeneratedTenant.dealId(t.transitionDeal[i]));
                s.setString(6, GeneratedTenant.PIPELINE);
                if (t.transitionFrom[i] < 0) {
                    s.setNull(7, Types.VARCHAR);
                } else {
                    s.setString(7, GeneratedTenant.STAGES.get(t.transitionFrom[i]));
                }
                s.setString(8, GeneratedTenant.STAGES.get(t.transitionTo[i]));
                s.setLong(9, t.transitionAt[i]);
                add(c, s, i);
            }
            s.executeBatch();
        }
    }

    private void revenue(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO REVENUE_EVENTS (" + COMMON
                + ", ACCOUNTID, OCCURREDAT, KIND, ARRDELTACENTS, SEATSDELTA, DEALID)"
                + " VALUES (?, NULL, ?, ?, 1, ?, ?, ?, ?, ?, 0, ?)")) {
            for (int r = 0; r < t.revenueEvents(); r++) {
                common(s, GeneratedTenant.revenueId(r), t.revenueRecorded[r]); // created = when it was recorded
                s.setString(5, GeneratedTenant.accountId(t.revenueAccount[r]));
                s.setLong(6, t.revenueAt[r]);
                s.setString(7, GeneratedTenant.KINDS.get(t.revenueKind[r]));
                s.setLong(8, t.revenueDeltaCents[r]);
                if (t.revenueDeal[r] < 0) {
                    s.setNull(9, Types.VARCHAR);
                } else {
                    s.setString(9, GeneratedTenant.dealId(t.revenueDeal[r]));
                }
                add(c, s, r);
            }
            s.executeBatch();
        }
    }

    /** Sets id, created, updated and the tenant (parameters 1–4). */
    private void common(PreparedStatement s, String id, long at) throws SQLException {
        s.setString(1, id);
        s.setLong(2, at);
        s.setLong(3, at);
        s.setString(4, tenantId);
    }

    private static void add(Connection c, PreparedStatement s, int row) throws SQLException {
        s.addBatch();
        if ((row + 1) % BATCH == 0) {
            s.executeBatch();
        }
        if ((row + 1) % COMMIT_EVERY == 0) {
            c.commit();
        }
    }
}
