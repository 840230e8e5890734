package org.revos.stages.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.query.RevosData;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.PropertyReaders;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.rest.RevosResources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/properties/usage}: for every custom property definition, how many records set it, when a write
 * last set it, and what reads it (stage entry requirements today; KPIs and rules as they arrive), so admins can find
 * and retire unused fields. Counting reads every object of the property's type, so it costs one pass per type.
 */
@Component(service = PropertyUsageResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("properties/usage")
@Produces(MediaType.APPLICATION_JSON)
public final class PropertyUsageResource {

    private static final Map<String, String> ENTITIES = Map.of("ACCOUNT", "AccountEntity", "CONTACT",
            "ContactEntity", "LEAD", "LeadEntity", "DEAL", "DealEntity");
    private static final int PAGE = 500;

    private static final Logger LOG = Logger.getLogger(PropertyUsageResource.class.getName());

    private final TenantStore store;
    private final StageModels models;
    private final List<PropertyReaders> readers = new CopyOnWriteArrayList<>();
    private final RevosData data;

    @Activate
    public PropertyUsageResource(@Reference TenantStore store, @Reference StageModels models, @Reference RevosData data) {
        this.store = store;
        this.models = models;
        this.data = data;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addReaders(PropertyReaders engine) {
        readers.add(engine);
    }

    void removeReaders(PropertyReaders engine) {
        readers.remove(engine);
    }

    @GET
    public JsonNode usage(@Context SecurityContext security) {
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        StageCatalog catalog = models.forTenant(data.forTenant(tenantId).tenant());
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        var items = page.putArray("items");
        store.query(tenantId, em -> {
            // the kernel's property definitions, read as id, objectType, propertyKey, lastWrittenAt, requiredInStages
            List<Definition> definitions = em.createQuery("SELECT d.id, d.objectType, d.propertyKey,"
                    + " d.lastWrittenAt, d.requiredInStages FROM PropertyDefinitionEntity d"
                    + " ORDER BY d.objectType, d.propertyKey", Object[].class).getResultList().stream()
                    .map(Definition::of).toList();
            Map<String, List<String>> engines = engineReaders(tenantId);
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            for (Definition d : definitions) {
                counts.computeIfAbsent(d.objectType, t -> count(em, t));
            }
            for (Definition d : definitions) {
                long records = counts.get(d.objectType).getOrDefault(d.propertyKey, 0L);
                List<String> readBy = new ArrayList<>(readers(d, catalog));
                readBy.addAll(engines.getOrDefault(d.objectType + "/" + d.propertyKey, List.of()));
                ObjectNode item = items.addObject().put("id", d.id).put("objectType", d.objectType)
                        .put("key", d.propertyKey).put("records", records)
                        .put("lastWrittenAt", d.lastWrittenAt == null ? null : FieldTypes.instantText(d.lastWrittenAt));
                readBy.forEach(item.putArray("readBy")::add);
                if (readBy.isEmpty()) {
                    item.putArray("readBy");
                }
                item.put("unused", records == 0 && readBy.isEmpty());
            }
            return null;
        });
        page.putNull("next");
        return page;
    }

    /**
     * @return what engines say reads each property; an engine that fails to answer is left out, with the reason in
     *         the log, so the others' answers still show
     */
    private Map<String, List<String>> engineReaders(String tenantId) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (PropertyReaders engine : readers) {
            try {
                engine.readers(tenantId).forEach((property, by) -> all.computeIfAbsent(property,
                        k -> new ArrayList<>()).addAll(by));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An engine could not say which properties it reads", e);
            }
        }
        return all;
    }

    /** @return how many objects of {@code type} set each property key (a non-null value) */
    private static Map<String, Long> count(EntityManager em, String type) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String jpql = "SELECT e.id, e.properties FROM " + ENTITIES.get(type) + " e WHERE e.id > :after"
                + " AND e.properties IS NOT NULL ORDER BY e.id";
        String after = "";
        while (true) {
            List<Object[]> rows = em.createQuery(jpql, Object[].class).setParameter("after", after)
                    .setMaxResults(PAGE).getResultList();
            for (Object[] row : rows) {
                FieldTypes.readTree((String) row[1]).fields().forEachRemaining(e -> {
                    if (!e.getValue().isNull()) {
                        counts.merge(e.getKey(), 1L, Long::sum);
                    }
                });
            }
            if (rows.size() < PAGE) {
                return counts;
            }
            after = (String) rows.get(rows.size() - 1)[0];
        }
    }

    /**
     * @return the stages whose entry requires the property, as {@code stage:<pipeline>/<stage>}; the adoption
     *         initiatives that inspect it are added by the caller as {@code initiative:<id>}
     */
    private static List<String> readers(Definition d, StageCatalog catalog) {
        List<String> readers = new ArrayList<>();
        List<String> byDefinition = new ArrayList<>();
        FieldTypes.stringList(50).render(d.requiredInStages).forEach(n -> byDefinition.add(n.asText()));
        for (Pipeline p : catalog.pipelines()) {
            if (!p.objectType().name().equals(d.objectType)) {
                continue;
            }
            for (Stage s : p.stages()) {
                if (s.requiredProperties().contains(d.propertyKey) || byDefinition.contains(s.id())) {
                    readers.add("stage:" + p.id() + "/" + s.id());
                }
            }
        }
        return readers;
    }

    /** A property definition, as much of it as the usage needs. */
    private record Definition(String id, String objectType, String propertyKey, Long lastWrittenAt,
            Object requiredInStages) {

        static Definition of(Object[] row) {
            return new Definition((String) row[0], (String) row[1], (String) row[2],
                    row[3] == null ? null : ((Number) row[3]).longValue(), row[4]);
        }
    }
}
