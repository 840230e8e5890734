package org.revos.runtime.internal.objects;

import static org.revos.kernel.spi.objects.FieldTypes.country;
import static org.revos.kernel.spi.objects.FieldTypes.date;
import static org.revos.kernel.spi.objects.FieldTypes.decimal;
import static org.revos.kernel.spi.objects.FieldTypes.decimalList;
import static org.revos.kernel.spi.objects.FieldTypes.domain;
import static org.revos.kernel.spi.objects.FieldTypes.email;
import static org.revos.kernel.spi.objects.FieldTypes.instant;
import static org.revos.kernel.spi.objects.FieldTypes.integer;
import static org.revos.kernel.spi.objects.FieldTypes.money;
import static org.revos.kernel.spi.objects.FieldTypes.oneOf;
import static org.revos.kernel.spi.objects.FieldTypes.properties;
import static org.revos.kernel.spi.objects.FieldTypes.provenance;
import static org.revos.kernel.spi.objects.FieldTypes.reference;
import static org.revos.kernel.spi.objects.FieldTypes.text;
import static org.revos.kernel.spi.objects.FieldTypes.writeJson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.revos.api.model.ActivityType;
import org.revos.api.model.DealType;
import org.revos.api.model.ObjectType;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.UserRole;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.FieldType;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectRules;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.ActivityEntity;
import org.revos.runtime.internal.persistence.ContactEntity;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.GoalEntity;
import org.revos.runtime.internal.persistence.LeadEntity;
import org.revos.runtime.internal.persistence.PropertyDefinitionEntity;
import org.revos.runtime.internal.persistence.RevenueEventEntity;
import org.revos.runtime.internal.persistence.UserEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The tenant object collections of the core. */
public final class Catalog {

    /** A goal's period as text, stated with the pattern {@link GoalRules} holds it to (a year, quarter or month). */
    private static final FieldType GOAL_PERIOD = new FieldType() {
        private final FieldType text = text(10);

        @Override
        public Object parse(JsonNode node, String path, Violations violations) {
            return text.parse(node, path, violations);
        }

        @Override
        public JsonNode render(Object stored) {
            return text.render(stored);
        }

        @Override
        public ObjectNode schema() {
            return text.schema().put("pattern", JsonSchemas.PERIOD_PATTERN);
        }
    };

    private static final String STAGE_NOTE = "a creation may name the pipeline and stage to start in (entered"
            + " through the stage engine, org.revos.stages, every entry requirement checked); afterwards they change through"
            + " POST .../{id}/transitions";

    private static final String ENRICHED_NOTE = "enriched records which empty fields an enrichment provider filled"
            + " after creation (field → provider, at, value); a field written later drops out of it";

    public static final ObjectSchema<UserEntity> USER = new ObjectSchema<>("user", "users", ObjectType.USER,
            UserEntity.class, "usr", UserEntity::new, List.of(
                    Field.<UserEntity>of("name", text(200), e -> e.name, (e, v) -> e.name = (String) v).required(),
                    Field.<UserEntity>of("email", email(), e -> e.email, (e, v) -> e.email = (String) v).filterable(),
                    Field.<UserEntity>of("role", oneOf(UserRole.class), e -> e.role, (e, v) -> e.role = (String) v)
                            .required().filterable(),
                    Field.<UserEntity>of("team", text(100), e -> e.team, (e, v) -> e.team = (String) v).filterable(),
                    Field.<UserEntity>of("segment", text(100), e -> e.segment, (e, v) -> e.segment = (String) v)
                            .filterable(),
                    Field.<UserEntity>of("capacity", integer(0, 100_000), e -> e.capacity,
                            (e, v) -> e.capacity = (Integer) v)),
            new UserRules(), false);

    public static final ObjectSchema<AccountEntity> ACCOUNT = new ObjectSchema<>("account", "accounts",
            ObjectType.ACCOUNT, AccountEntity.class, "acc", AccountEntity::new, List.of(
                    Field.<AccountEntity>of("name", text(200), e -> e.name, (e, v) -> e.name = (String) v).required(),
                    Field.<AccountEntity>of("domain", domain(), e -> e.domain, (e, v) -> e.domain = (String) v)
                            .filterable(),
                    Field.<AccountEntity>of("country", country(), e -> e.country, (e, v) -> e.country = (String) v)
                            .filterable(),
                    Field.<AccountEntity>of("employees", integer(0, 10_000_000), e -> e.employees,
                            (e, v) -> e.employees = (Integer) v),
                    Field.<AccountEntity>of("industry", text(100), e -> e.industry, (e, v) -> e.industry = (String) v)
                            .filterable(),
                    Field.<AccountEntity>of("segment", text(100), e -> e.segment, (e, v) -> e.segment = (String) v)
                            .filterable(),
                    Field.<AccountEntity>of("ownerId", reference("usr"), e -> e.ownerId,
                            (e, v) -> e.ownerId = (String) v).references(ObjectType.USER).filterable(),
                    Field.<AccountEntity>of("properties", properties(), e -> e.properties,
                            (e, v) -> e.properties = writeJson(v)),
                    Field.<AccountEntity>readOnly("arr", money(true), e -> e.arrCents,
                            "arr is the sum of the account's revenue events; POST /api/v1/revenue-events"),
                    Field.<AccountEntity>readOnly("seats", integer(Integer.MIN_VALUE, Integer.MAX_VALUE),
                            e -> e.seats, "seats is the sum of the account's revenue events"),
                    Field.<AccountEntity>readOnly("enriched", provenance(), e -> e.enriched, ENRICHED_NOTE)),
            new AccountRules(), false);

    public static final ObjectSchema<ContactEntity> CONTACT = new ObjectSchema<>("contact", "contacts",
            ObjectType.CONTACT, ContactEntity.class, "ctc", ContactEntity::new, List.of(
                    Field.<ContactEntity>of("accountId", reference("acc"), e -> e.accountId,
                            (e, v) -> e.accountId = (String) v).references(ObjectType.ACCOUNT).filterable(),
                    Field.<ContactEntity>of("name", text(200), e -> e.name, (e, v) -> e.name = (String) v).required(),
                    Field.<ContactEntity>of("email", email(), e -> e.email, (e, v) -> e.email = (String) v)
                            .filterable(),
                    Field.<ContactEntity>of("title", text(200), e -> e.title, (e, v) -> e.title = (String) v),
                    Field.<ContactEntity>of("properties", properties(), e -> e.properties,
                            (e, v) -> e.properties = writeJson(v))),
            new ObjectRules<>() {
            }, false);

    public static final ObjectSchema<LeadEntity> LEAD = new ObjectSchema<>("lead", "leads", ObjectType.LEAD,
            LeadEntity.class, "lead", LeadEntity::new, List.of(
                    Field.<LeadEntity>of("email", email(), e -> e.email, (e, v) -> e.email = (String) v).filterable(),
                    Field.<LeadEntity>of("name", text(200), e -> e.name, (e, v) -> e.name = (String) v),
                    Field.<LeadEntity>of("company", text(200), e -> e.company, (e, v) -> e.company = (String) v),
                    Field.<LeadEntity>of("country", country(), e -> e.country, (e, v) -> e.country = (String) v)
                            .filterable(),
                    Field.<LeadEntity>of("employees", integer(0, 10_000_000), e -> e.employees,
                            (e, v) -> e.employees = (Integer) v),
                    Field.<LeadEntity>of("title", text(200), e -> e.title, (e, v) -> e.title = (String) v),
                    Field.<LeadEntity>of("source", text(100), e -> e.source, (e, v) -> e.source = (String) v)
                            .filterable(),
                    Field.<LeadEntity>of("score", integer(0, 100), e -> e.score, (e, v) -> e.score = (Integer) v),
                    Field.<LeadEntity>of("ownerId", reference("usr"), e -> e.ownerId, (e, v) -> e.ownerId = (String) v)
                            .references(ObjectType.USER).filterable(),
                    Field.<LeadEntity>readOnly("pipeline", text(100), e -> e.pipeline, STAGE_NOTE).placedOnCreate()
                            .derivedBy((e, v) -> e.pipeline = (String) v),
                    Field.<LeadEntity>readOnly("stage", text(100), e -> e.stage, STAGE_NOTE).placedOnCreate()
                            .derivedBy((e, v) -> e.stage = (String) v),
                    Field.<LeadEntity>of("properties", properties(), e -> e.properties,
                            (e, v) -> e.properties = writeJson(v)),
                    Field.<LeadEntity>readOnly("enriched", provenance(), e -> e.enriched, ENRICHED_NOTE)),
            new LeadRules(), false);

    public static final ObjectSchema<DealEntity> DEAL = new ObjectSchema<>("deal", "deals", ObjectType.DEAL,
            DealEntity.class, "deal", DealEntity::new, List.of(
                    Field.<DealEntity>of("accountId", reference("acc"), e -> e.accountId,
                            (e, v) -> e.accountId = (String) v).references(ObjectType.ACCOUNT).required().filterable(),
                    Field.<DealEntity>of("ownerId", reference("usr"), e -> e.ownerId, (e, v) -> e.ownerId = (String) v)
                            .references(ObjectType.USER).filterable(),
                    Field.<DealEntity>of("name", text(200), e -> e.name, (e, v) -> e.name = (String) v).required(),
                    Field.<DealEntity>of("type", oneOf(DealType.class), e -> e.type, (e, v) -> e.type = (String) v)
                            .filterable(),
                    Field.<DealEntity>of("arr", money(false), e -> e.arrCents, (e, v) -> e.arrCents = (Long) v)
                            .alwaysSet("send 0 for none"),
                    Field.<DealEntity>of("seats", integer(0, 10_000_000), e -> e.seats, (e, v) -> e.seats = (Integer) v),
                    Field.<DealEntity>readOnly("pipeline", text(100), e -> e.pipeline, STAGE_NOTE).placedOnCreate()
                            .derivedBy((e, v) -> e.pipeline = (String) v)
                            .filterable(),
                    Field.<DealEntity>readOnly("stage", text(100), e -> e.stage, STAGE_NOTE).placedOnCreate()
                            .derivedBy((e, v) -> e.stage = (String) v)
                            .filterable(),
                    Field.<DealEntity>of("closeDate", date(), e -> e.closeDate, (e, v) -> e.closeDate = (LocalDate) v),
                    Field.<DealEntity>of("lossReason", text(100), e -> e.lossReason,
                            (e, v) -> e.lossReason = (String) v),
                    Field.<DealEntity>of("properties", properties(), e -> e.properties,
                            (e, v) -> e.properties = writeJson(v))),
            new DealRules(), false);

    public static final ObjectSchema<ActivityEntity> ACTIVITY = new ObjectSchema<>("activity", "activities",
            ObjectType.ACTIVITY, ActivityEntity.class, "act", ActivityEntity::new, List.of(
                    Field.<ActivityEntity>of("type", oneOf(ActivityType.class), e -> e.type,
                            (e, v) -> e.type = (String) v).required().filterable(),
                    Field.<ActivityEntity>of("userId", reference("usr"), e -> e.userId, (e, v) -> e.userId = (String) v)
                            .references(ObjectType.USER).filterable(),
                    Field.<ActivityEntity>of("occurredAt", instant(), e -> e.occurredAt,
                            (e, v) -> e.occurredAt = (Long) v).alwaysSet("send the instant it happened"),
                    Field.<ActivityEntity>of("subject", text(500), e -> e.subject, (e, v) -> e.subject = (String) v),
                    Field.<ActivityEntity>of("notes", text(32000), e -> e.notes, (e, v) -> e.notes = (String) v),
                    Field.<ActivityEntity>of("leadId", reference("lead"), e -> e.leadId, (e, v) -> e.leadId = (String) v)
                            .references(ObjectType.LEAD).filterable(),
                    Field.<ActivityEntity>of("contactId", reference("ctc"), e -> e.contactId,
                            (e, v) -> e.contactId = (String) v).references(ObjectType.CONTACT).filterable(),
                    Field.<ActivityEntity>of("accountId", reference("acc"), e -> e.accountId,
                            (e, v) -> e.accountId = (String) v).references(ObjectType.ACCOUNT).filterable(),
                    Field.<ActivityEntity>of("dealId", reference("deal"), e -> e.dealId, (e, v) -> e.dealId = (String) v)
                            .references(ObjectType.DEAL).filterable()),
            new ActivityRules(), false);

    public static final ObjectSchema<RevenueEventEntity> REVENUE_EVENT = new ObjectSchema<>("revenue event",
            "revenue-events", ObjectType.REVENUE_EVENT, RevenueEventEntity.class, "rev", RevenueEventEntity::new,
            List.of(Field.<RevenueEventEntity>of("accountId", reference("acc"), e -> e.accountId,
                    (e, v) -> e.accountId = (String) v).references(ObjectType.ACCOUNT).required().filterable(),
                    Field.<RevenueEventEntity>of("occurredAt", instant(), e -> e.occurredAt,
                            (e, v) -> e.occurredAt = (Long) v).required(),
                    Field.<RevenueEventEntity>of("kind", oneOf(RevenueKind.class), e -> e.kind,
                            (e, v) -> e.kind = (String) v).required().filterable(),
                    Field.<RevenueEventEntity>of("arrDelta", money(true), e -> e.arrDeltaCents,
                            (e, v) -> e.arrDeltaCents = (Long) v).required(),
                    Field.<RevenueEventEntity>of("seatsDelta", integer(-10_000_000, 10_000_000), e -> e.seatsDelta,
                            (e, v) -> e.seatsDelta = (Integer) v).alwaysSet("send 0 for none"),
                    Field.<RevenueEventEntity>of("dealId", reference("deal"), e -> e.dealId,
                            (e, v) -> e.dealId = (String) v).references(ObjectType.DEAL).filterable(),
                    Field.<RevenueEventEntity>readOnly("dealOwnerId", reference("usr"), e -> e.dealOwnerId,
                            "it is the deal's owner at the event's occurredAt: the rep it is credited to")),
            new RevenueEventRules(), true);

    public static final ObjectSchema<GoalEntity> GOAL = new ObjectSchema<>("goal", "goals", ObjectType.GOAL,
            GoalEntity.class, "goal", GoalEntity::new, List.of(
                    Field.<GoalEntity>of("kpi", text(100), e -> e.kpi, (e, v) -> e.kpi = (String) v).required()
                            .filterable(),
                    Field.<GoalEntity>of("period", GOAL_PERIOD, e -> e.period, (e, v) -> e.period = (String) v).required()
                            .filterable(),
                    Field.<GoalEntity>of("target", decimal(BigDecimal.ZERO), e -> e.target,
                            (e, v) -> e.target = (BigDecimal) v).required(),
                    Field.<GoalEntity>of("scope", new ScopeType(), Catalog::scope, Catalog::setScope),
                    Field.<GoalEntity>of("pacing", decimalList(12), e -> FieldTypes.decimals(e.pacing),
                            (e, v) -> e.pacing = writeJson(v))),
            new GoalRules(), false);

    /** Object types that carry custom properties. */
    public static final List<String> WITH_PROPERTIES = List.of("ACCOUNT", "CONTACT", "LEAD", "DEAL");
    private static final String FIXED = "a property's object type and key are fixed; define a new property instead";

    public static final ObjectSchema<PropertyDefinitionEntity> PROPERTY = new ObjectSchema<>("property definition",
            "properties", ObjectType.PROPERTY_DEFINITION, PropertyDefinitionEntity.class, "prop",
            PropertyDefinitionEntity::new, List.of(
                    Field.<PropertyDefinitionEntity>of("objectType", oneOf(WITH_PROPERTIES), e -> e.objectType,
                            (e, v) -> e.objectType = (String) v).required().filterable().createOnly(FIXED),
                    Field.<PropertyDefinitionEntity>of("key", PropertyValues.KEY_TYPE, e -> e.propertyKey,
                            (e, v) -> e.propertyKey = (String) v).required().createOnly(FIXED),
                    Field.<PropertyDefinitionEntity>of("type", oneOf(PropertyValues.TYPES), e -> e.type,
                            (e, v) -> e.type = (String) v).required().filterable(),
                    Field.<PropertyDefinitionEntity>of("options", FieldTypes.stringList(200), e -> e.options,
                            (e, v) -> e.options = writeJson(v)),
                    Field.<PropertyDefinitionEntity>of("requiredInStages", FieldTypes.stringList(50),
                            e -> e.requiredInStages, (e, v) -> e.requiredInStages = writeJson(v)),
                    Field.<PropertyDefinitionEntity>readOnly("ownerPlugin", text(255), e -> e.ownerPlugin,
                            "set by the plugin that defines the property"),
                    Field.<PropertyDefinitionEntity>of("description", text(1000), e -> e.description,
                            (e, v) -> e.description = (String) v),
                    Field.<PropertyDefinitionEntity>of("documentationUrl", text(1000), e -> e.documentationUrl,
                            (e, v) -> e.documentationUrl = (String) v)),
            new PropertyRules(), false);

    /** The kernel's collections, in dependency order (what others refer to first). */
    public static final List<ObjectSchema<?>> KERNEL = List.of(USER, ACCOUNT, CONTACT, LEAD, DEAL, ACTIVITY,
            REVENUE_EVENT, GOAL, PROPERTY);

    /**
     * The collections engines brought ({@link EngineCollections} keeps it), in the order they arrived. The catalog is
     * the kernel's, like the persistence unit those collections are stored in: one per runtime.
     */
    private static final List<ObjectSchema<?>> ENGINES = new CopyOnWriteArrayList<>();

    private Catalog() {
    }

    /** @return every collection: the kernel's first, then those of the engines now started */
    public static List<ObjectSchema<?>> all() {
        List<ObjectSchema<?>> all = new ArrayList<>(KERNEL);
        all.addAll(ENGINES);
        return all;
    }

    public static Optional<ObjectSchema<?>> of(ObjectType type) {
        return all().stream().filter(s -> s.type() == type).findFirst();
    }

    /**
     * Adds an engine's collection.
     *
     * @throws IllegalArgumentException when a collection of that object type or path is already known
     */
    static synchronized void add(ObjectSchema<?> schema) {
        for (ObjectSchema<?> known : all()) {
            if (known.type() == schema.type() || known.path().equals(schema.path())) {
                throw new IllegalArgumentException("the collection " + schema.path() + " (" + schema.type()
                        + ") is already served by " + known.path() + " (" + known.type() + ")");
            }
        }
        ENGINES.add(schema);
    }

    static void remove(ObjectSchema<?> schema) {
        ENGINES.remove(schema);
    }

    private static Object scope(GoalEntity e) {
        Map<String, String> scope = new LinkedHashMap<>();
        if (e.scopeTeam != null) {
            scope.put("team", e.scopeTeam);
        }
        if (e.scopeUserId != null) {
            scope.put("userId", e.scopeUserId);
        }
        return scope;
    }

    @SuppressWarnings("unchecked")
    private static void setScope(GoalEntity e, Object value) {
        Map<String, String> scope = value == null ? Map.of() : (Map<String, String>) value;
        e.scopeTeam = scope.get("team");
        e.scopeUserId = scope.get("userId");
    }
}
