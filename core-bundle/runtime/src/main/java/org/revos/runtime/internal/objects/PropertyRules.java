package org.revos.runtime.internal.objects;

import java.util.List;

import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectRules;
import org.revos.runtime.internal.persistence.PropertyDefinitionEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A property definition's key is unique per object type; ENUM properties list their options, other types have none;
 * a documentation link is an http or https URL.
 */
final class PropertyRules implements ObjectRules<PropertyDefinitionEntity> {

    @Override
    public void check(TenantTransaction tx, PropertyDefinitionEntity p, ObjectNode before, Violations v) {
        int optionCount = p.options == null ? 0 : FieldTypes.readTree(p.options).size();
        if ("ENUM".equals(p.type) && optionCount == 0) {
            v.add("options", "an ENUM property lists its options");
        }
        if (p.type != null && !"ENUM".equals(p.type) && optionCount > 0) {
            v.add("options", "only ENUM properties have options");
        }
        if (p.documentationUrl != null && !p.documentationUrl.matches("(?i)https?://[^\\s]+")) {
            v.add("documentationUrl", "must be an http or https URL, such as https://wiki.example.com/fields/budget");
        }
        if (v.isEmpty() && p.objectType != null && p.propertyKey != null && before == null) {
            long taken = tx.em().createQuery("SELECT COUNT(d) FROM PropertyDefinitionEntity d WHERE d.objectType = :t"
                    + " AND d.propertyKey = :k", Long.class).setParameter("t", p.objectType)
                    .setParameter("k", p.propertyKey).getSingleResult();
            if (taken > 0) {
                throw Problem.conflict(p.objectType + " already has a property " + p.propertyKey,
                        List.of(new FieldError("key", "is already defined for " + p.objectType)));
            }
        }
    }
}
