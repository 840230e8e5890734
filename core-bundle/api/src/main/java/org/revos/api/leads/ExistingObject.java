package org.revos.api.leads;

import java.util.Objects;

import org.revos.api.model.ObjectType;

/**
 * An object of the tenant that already carries a sign-up's e-mail or company domain, whether or not intake made it: a
 * lead, a contact or an account (see {@link FilterContext#existingEmail} and {@link FilterContext#existingDomain}).
 * Since 1.1.
 *
 * @param type {@link ObjectType#LEAD}, {@link ObjectType#CONTACT} or {@link ObjectType#ACCOUNT}
 * @param id   its id
 */
public record ExistingObject(ObjectType type, String id) {

    public ExistingObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
