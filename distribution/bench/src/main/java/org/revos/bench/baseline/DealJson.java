package org.revos.bench.baseline;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@code DEALS} row as RevOS's API shows a deal, field for field and in the same order. */
public final class DealJson {

    /** The columns {@link #render} reads, in this order. */
    public static final String COLUMNS = "ID, EXTERNALID, ACCOUNTID, OWNERID, NAME, TYPE, ARRCENTS, SEATS, PIPELINE, "
            + "STAGE, CLOSEDATE, LOSSREASON, PROPERTIES, CREATEDAT, UPDATEDAT";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DealJson() {
    }

    public static ObjectNode render(ResultSet row) throws SQLException, IOException {
        ObjectNode deal = NODES.objectNode();
        deal.put("id", row.getString("ID"));
        deal.put("externalId", row.getString("EXTERNALID"));
        deal.put("accountId", row.getString("ACCOUNTID"));
        deal.put("ownerId", row.getString("OWNERID"));
        deal.put("name", row.getString("NAME"));
        deal.put("type", row.getString("TYPE"));
        deal.put("arr", BigDecimal.valueOf(row.getLong("ARRCENTS"), 2));
        int seats = row.getInt("SEATS");
        if (row.wasNull()) {
            deal.putNull("seats");
        } else {
            deal.put("seats", (long) seats);
        }
        deal.put("pipeline", row.getString("PIPELINE"));
        deal.put("stage", row.getString("STAGE"));
        Date closeDate = row.getDate("CLOSEDATE");
        deal.put("closeDate", closeDate == null ? null : closeDate.toLocalDate().toString());
        deal.put("lossReason", row.getString("LOSSREASON"));
        String properties = row.getString("PROPERTIES");
        deal.set("properties", properties == null ? NODES.objectNode() : MAPPER.readTree(properties));
        deal.put("createdAt", Instant.ofEpochMilli(row.getLong("CREATEDAT")).toString());
        deal.put("updatedAt", Instant.ofEpochMilli(row.getLong("UPDATEDAT")).toString());
        return deal;
    }
}
