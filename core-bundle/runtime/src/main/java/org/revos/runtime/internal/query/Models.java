package org.revos.runtime.internal.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.revos.api.model.Account;
import org.revos.api.model.Activity;
import org.revos.api.model.ActivityType;
import org.revos.api.model.Contact;
import org.revos.api.model.Deal;
import org.revos.api.model.DealType;
import org.revos.api.model.Goal;
import org.revos.api.model.GoalScope;
import org.revos.api.model.Lead;
import org.revos.api.model.ObjectType;
import org.revos.api.model.PropertyDefinition;
import org.revos.api.model.RevenueEvent;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.StageTransition;
import org.revos.api.model.User;
import org.revos.api.model.UserRole;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.ActivityEntity;
import org.revos.runtime.internal.persistence.ContactEntity;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.GoalEntity;
import org.revos.runtime.internal.persistence.LeadEntity;
import org.revos.runtime.internal.persistence.PropertyDefinitionEntity;
import org.revos.runtime.internal.persistence.RevenueEventEntity;
import org.revos.runtime.internal.persistence.StageTransitionEntity;
import org.revos.runtime.internal.persistence.UserEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Entities as the API's immutable model records; entities never leave the runtime bundle. */
final class Models {

    private Models() {
    }

    static User user(UserEntity e) {
        return new User(e.id, e.externalId, e.name, e.email, UserRole.valueOf(e.role), e.team, e.segment, e.capacity,
                at(e.createdAt), at(e.updatedAt));
    }

    static Account account(AccountEntity e) {
        return new Account(e.id, e.externalId, e.name, e.domain, e.country, e.employees, e.industry, e.segment,
                e.ownerId, properties(e.properties), at(e.createdAt), at(e.updatedAt));
    }

    static Contact contact(ContactEntity e) {
        return new Contact(e.id, e.externalId, e.accountId, e.name, e.email, e.title, properties(e.properties),
                at(e.createdAt), at(e.updatedAt));
    }

    static Lead lead(LeadEntity e) {
        return new Lead(e.id, e.externalId, e.email, e.name, e.company, e.country, e.employees, e.title, e.source,
                e.score, e.ownerId, e.pipeline, e.stage, properties(e.properties), at(e.createdAt), at(e.updatedAt));
    }

    static Deal deal(DealEntity e) {
        return new Deal(e.id, e.externalId, e.accountId, e.ownerId, e.name, DealType.valueOf(e.type), e.arrCents,
                e.seats, e.pipeline, e.stage, e.closeDate, e.lossReason, properties(e.properties), at(e.createdAt),
                at(e.updatedAt));
    }

    static Activity activity(ActivityEntity e) {
        return new Activity(e.id, e.externalId, ActivityType.valueOf(e.type), e.userId, at(e.occurredAt), e.subject,
                e.notes, e.leadId, e.contactId, e.accountId, e.dealId, at(e.createdAt));
    }

    static RevenueEvent revenueEvent(RevenueEventEntity e) {
        return new RevenueEvent(e.id, e.externalId, e.accountId, at(e.occurredAt), RevenueKind.valueOf(e.kind),
                e.arrDeltaCents, e.seatsDelta, e.dealId, at(e.createdAt));
    }

    static StageTransition transition(StageTransitionEntity e) {
        return new StageTransition(e.id, ObjectType.valueOf(e.objectType), e.objectId, e.pipeline, e.fromStage,
                e.toStage, at(e.at), e.actor);
    }

    static Goal goal(GoalEntity e) {
        return new Goal(e.id, e.externalId, e.kpi, e.period, e.target, new GoalScope(e.scopeTeam, e.scopeUserId),
                FieldTypes.decimals(e.pacing));
    }

    static PropertyDefinition propertyDefinition(PropertyDefinitionEntity e) {
        return new PropertyDefinition(ObjectType.valueOf(e.objectType), e.propertyKey, e.type, texts(e.options),
                texts(e.requiredInStages), e.ownerPlugin, e.description, e.documentationUrl);
    }

    private static List<String> texts(String jsonArray) {
        if (jsonArray == null || jsonArray.isBlank()) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        FieldTypes.readTree(jsonArray).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    /** Custom property values as plain Java values: String, BigDecimal, Boolean or null. */
    static Map<String, Object> properties(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (json == null) {
            return values;
        }
        FieldTypes.readTree(json).fields().forEachRemaining(e -> values.put(e.getKey(), plain(e.getValue())));
        return values;
    }

    private static Object plain(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return new BigDecimal(node.asText());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }
}
