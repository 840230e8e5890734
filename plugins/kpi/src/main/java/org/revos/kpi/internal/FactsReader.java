package org.revos.kpi.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.revos.api.model.ObjectType;
import org.revos.api.model.RevenueKind;
import org.revos.api.query.FactsBuilder;

/**
 * Reads a tenant's facts from the store's tables into a {@link FactsBuilder} with plain JDBC: rows stream from the
 * result set into primitive columns without entities or per-row objects, so millions of stage entries cost seconds,
 * not minutes. The same queries, narrowed to one object or account, bring a snapshot up to date after a write.
 * Every query names {@code TENANT_ID}, the column EclipseLink scopes the entities by.
 */
final class FactsReader {

    private static final String USERS = "SELECT ID, TEAM, SEGMENT FROM USERS WHERE TENANT_ID = ?";
    private static final String MEMBERSHIPS = "SELECT USERID, TEAM, SINCEAT FROM TEAM_MEMBERSHIPS WHERE TENANT_ID = ?";
    private static final String ACCOUNTS = "SELECT ID, CREATEDAT, OWNERID, SEGMENT, COUNTRY FROM ACCOUNTS"
            + " WHERE TENANT_ID = ?";
    private static final String DEALS = "SELECT ID, CREATEDAT, ARRCENTS, OWNERID, ACCOUNTID, PIPELINE FROM DEALS"
            + " WHERE TENANT_ID = ?";
    private static final String LEADS = "SELECT ID, CREATEDAT, OWNERID, PIPELINE, SOURCE, COUNTRY FROM LEADS"
            + " WHERE TENANT_ID = ?";
    private static final String TRANSITIONS = "SELECT OBJECTTYPE, OBJECTID, TOSTAGE, TRANSITION_AT FROM"
            + " STAGE_TRANSITIONS WHERE TENANT_ID = ?";
    private static final String REVENUE = "SELECT ACCOUNTID, OCCURREDAT, KIND, ARRDELTACENTS, DEALID, CREATEDAT FROM"
            + " REVENUE_EVENTS WHERE TENANT_ID = ?";
    private static final int FETCH = 10_000;

    private final Connection connection;
    private final String tenantId;
    private final FactsBuilder builder;
    private final Map<String, String> segmentOfUser = new HashMap<>();
    private final Map<String, String[]> accountDimensions = new HashMap<>();

    FactsReader(Connection connection, String tenantId, FactsBuilder builder) {
        this.connection = connection;
        this.tenantId = tenantId;
        this.builder = builder;
    }

    /** Reads every fact of the tenant. Transitions and revenue come unordered; the builder orders them. */
    void all() throws SQLException {
        users();
        accounts(null);
        deals(null);
        leads(null);
        query(TRANSITIONS, null, r -> builder.entered(ObjectType.valueOf(r.getString(1)), r.getString(2),
                r.getString(3), Instant.ofEpochMilli(r.getLong(4))));
        query(REVENUE, null, this::revenueRow);
    }

    /** Reads the users' segments and the whole team history again (users are few). */
    void users() throws SQLException {
        Map<String, String> teamOfUser = new HashMap<>();
        segmentOfUser.clear();
        query(USERS, null, r -> {
            teamOfUser.put(r.getString(1), r.getString(2));
            segmentOfUser.put(r.getString(1), r.getString(3));
        });
        builder.clearMemberships();
        query(MEMBERSHIPS, null, r -> {
            builder.membership(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)));
            teamOfUser.remove(r.getString(1));
        });
        teamOfUser.forEach((user, team) -> {
            if (team != null) { // a user in no team belongs to none
                builder.membership(user, team, Instant.EPOCH);
            }
        });
    }

    Map<String, String> segments() {
        return segmentOfUser;
    }

    /** Reads accounts, all ({@code id == null}) or one. */
    void accounts(String id) throws SQLException {
        query(ACCOUNTS, id == null ? null : " AND ID = ?", r -> {
            accountDimensions.put(r.getString(1), new String[] { r.getString(4), r.getString(5) });
            builder.object(ObjectType.ACCOUNT, r.getString(1), Instant.ofEpochMilli(r.getLong(2)), 0,
                    dims("ownerId", r.getString(3), "segment", r.getString(4), "country", r.getString(5)));
        }, id);
    }

    /**
     * Reads deals, all or one; a deal takes segment and country from its account, read here when
     * {@link #accounts(String)} did not.
     */
    void deals(String id) throws SQLException {
        query(DEALS, id == null ? null : " AND ID = ?", r -> {
            String[] account = accountDimensions.get(r.getString(5));
            if (account == null) {
                account = accountOf(r.getString(5));
            }
            builder.object(ObjectType.DEAL, r.getString(1), Instant.ofEpochMilli(r.getLong(2)), r.getLong(3),
                    dims("ownerId", r.getString(4), "pipeline", r.getString(6), "segment", account[0], "country",
                            account[1]));
        }, id);
    }

    void leads(String id) throws SQLException {
        query(LEADS, id == null ? null : " AND ID = ?", r -> builder.object(ObjectType.LEAD, r.getString(1),
                Instant.ofEpochMilli(r.getLong(2)), 0, dims("ownerId", r.getString(3), "pipeline", r.getString(4),
                        "source", r.getString(5), "country", r.getString(6), "segment",
                        segmentOfUser.get(r.getString(3)))), id);
    }

    /** Reads the whole stage history of one lead or deal. */
    void entries(ObjectType type, String objectId) throws SQLException {
        query(TRANSITIONS, " AND OBJECTID = ?", r -> {
            if (type.name().equals(r.getString(1))) {
                builder.entered(type, r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)));
            }
        }, objectId);
    }

    /** Reads the whole ledger of one account. */
    void revenueOf(String accountId) throws SQLException {
        query(REVENUE, " AND ACCOUNTID = ?", this::revenueRow, accountId);
    }

    /** @return the account of a revenue event, {@code null} when there is no such event */
    String accountOfRevenueEvent(String revenueEventId) throws SQLException {
        String[] account = new String[1];
        query("SELECT ACCOUNTID FROM REVENUE_EVENTS WHERE TENANT_ID = ?", " AND ID = ?",
                r -> account[0] = r.getString(1), revenueEventId);
        return account[0];
    }

    private String[] accountOf(String accountId) throws SQLException {
        String[] dims = new String[2];
        query("SELECT SEGMENT, COUNTRY FROM ACCOUNTS WHERE TENANT_ID = ?", " AND ID = ?", r -> {
            dims[0] = r.getString(1);
            dims[1] = r.getString(2);
        }, accountId);
        accountDimensions.put(accountId, dims);
        return dims;
    }

    private void revenueRow(ResultSet r) throws SQLException {
        builder.revenue(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), RevenueKind.valueOf(r.getString(3)),
                r.getLong(4), r.getString(5) != null, Instant.ofEpochMilli(r.getLong(6)));
    }

    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    private void query(String sql, String narrowing, Row row, String... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(narrowing == null ? sql : sql + narrowing)) {
            s.setFetchSize(FETCH);
            s.setString(1, tenantId);
            for (int i = 0; narrowing != null && i < values.length; i++) {
                s.setString(i + 2, values[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        }
    }

    private static Map<String, String> dims(String... pairs) {
        Map<String, String> dims = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                dims.put(pairs[i], pairs[i + 1]);
            }
        }
        return dims;
    }
}
