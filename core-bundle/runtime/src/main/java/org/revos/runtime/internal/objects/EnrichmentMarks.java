package org.revos.runtime.internal.objects;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.runtime.internal.persistence.EnrichPendingEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The object side of enrichment: a new account or lead with firmographics missing is marked pending in its creation's
 * transaction, and a later write of a field that enrichment filled takes that field out of the record of what was
 * enriched, since the value is then the user's.
 */
public final class EnrichmentMarks {

    private EnrichmentMarks() {
    }

    /** Marks a new object pending when it names a company domain and lacks one of {@code firmographics}. */
    static void markIfMissing(TenantTransaction tx, String objectType, String objectId, String domain, Object... firmographics) {
        if (domain == null || domain.isBlank()) {
            return;
        }
        for (Object value : firmographics) {
            if (value == null) {
                EnrichPendingEntity pending = new EnrichPendingEntity();
                pending.id = Ids.next("enp");
                pending.objectType = objectType;
                pending.objectId = objectId;
                pending.nextAttemptAt = tx.now();
                pending.createdAt = tx.now();
                pending.updatedAt = tx.now();
                tx.em().persist(pending);
                return;
            }
        }
    }

    /**
     * @param enriched the stored record of enriched fields (JSON) or {@code null}
     * @param before   the object as it was shown before the write
     * @param current  the fields' values after the write, by field name
     * @return the record without the fields whose values the write changed, {@code null} when none remain
     */
    static String keepUnchanged(String enriched, ObjectNode before, Map<String, Object> current) {
        if (enriched == null || before == null) {
            return enriched;
        }
        ObjectNode record = (ObjectNode) FieldTypes.readTree(enriched);
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
            String field = it.next().getKey();
            JsonNode was = before.get(field);
            Object now = current.get(field);
            String wasText = was == null || was.isNull() ? null : was.asText();
            if (!Objects.equals(wasText, now == null ? null : String.valueOf(now))) {
                it.remove();
            }
        }
        return record.isEmpty() ? null : FieldTypes.writeJson(record);
    }
}
