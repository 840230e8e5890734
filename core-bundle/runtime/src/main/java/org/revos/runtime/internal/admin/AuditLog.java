package org.revos.runtime.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.TypedQuery;

import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.rest.Pages;
import org.revos.runtime.internal.persistence.AuditEntryEntity;
import org.revos.runtime.internal.persistence.Store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads an audit log page by page, newest last, filtered by object type, object id or action. */
final class AuditLog {

    static final String OBJECT_TYPE = "objectType";
    static final String OBJECT_ID = "objectId";
    static final String ACTION = "action";
    private static final Set<String> FILTERS = Set.of(OBJECT_TYPE, OBJECT_ID, ACTION);

    private AuditLog() {
    }

    static JsonNode page(Store store, String tenantId, Map<String, List<String>> query) {
        Violations v = new Violations();
        int limit = Pages.limit(query, v);
        String after = Pages.cursor(query, v);
        StringBuilder jpql = new StringBuilder("SELECT a FROM AuditEntryEntity a WHERE a.id > :after");
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            String name = param.getKey();
            if (name.equals("limit") || name.equals("cursor")) {
                continue;
            }
            if (!FILTERS.contains(name) || param.getValue().size() != 1) {
                v.add(name, "is not a filter of the audit log; use objectType, objectId or action once each");
                continue;
            }
            jpql.append(" AND a.").append(name).append(" = :f").append(values.size());
            values.add(param.getValue().get(0));
        }
        v.throwIfAny();
        List<AuditEntryEntity> rows = store.read(tenantId, em -> {
            TypedQuery<AuditEntryEntity> q = em.createQuery(jpql.append(" ORDER BY a.id").toString(),
                    AuditEntryEntity.class).setParameter("after", after).setMaxResults(limit + 1);
            for (int i = 0; i < values.size(); i++) {
                q.setParameter("f" + i, values.get(i));
            }
            return q.getResultList();
        });
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        var items = page.putArray("items");
        rows.stream().limit(limit).forEach(a -> items.add(render(a)));
        page.put("next", rows.size() > limit ? Pages.encodeCursor(rows.get(limit - 1).id) : null);
        return page;
    }

    private static ObjectNode render(AuditEntryEntity a) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", a.id).put("at", FieldTypes.instantText(a.at))
                .put("actorKeyId", a.actorKeyId).put("actor", a.actorName).put("action", a.action)
                .put("objectType", a.objectType).put("objectId", a.objectId);
        json.set("before", a.beforeJson == null ? null : FieldTypes.readTree(a.beforeJson));
        json.set("after", a.afterJson == null ? null : FieldTypes.readTree(a.afterJson));
        return json;
    }
}
