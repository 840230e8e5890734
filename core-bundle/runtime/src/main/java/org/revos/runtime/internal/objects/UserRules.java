package org.revos.runtime.internal.objects;

import java.util.Objects;

import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.ObjectRules;
import org.revos.runtime.internal.persistence.TeamMembershipEntity;
import org.revos.runtime.internal.persistence.Tx;
import org.revos.runtime.internal.persistence.UserEntity;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A user's email is unique in the tenant; a user with goals cannot be deleted; team changes are kept as memberships.
 */
final class UserRules implements ObjectRules<UserEntity> {

    @Override
    public void check(TenantTransaction tx, UserEntity candidate, ObjectNode before, Violations v) {
        if (candidate.email != null && (before == null || !candidate.email.equals(before.path("email").asText(null)))) {
            long taken = tx.em().createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.email = :email AND u.id <> :id",
                    Long.class).setParameter("email", candidate.email).setParameter("id", candidate.id)
                    .getSingleResult();
            if (taken > 0) {
                v.add("email", "is already the email of another user");
            }
        }
    }

    /**
     * A new user starts a membership, in no team when created without one (so a team given later counts only from
     * then on); a user changing team starts another; the earlier ones stay.
     */
    @Override
    public void afterWrite(TenantTransaction tx, UserEntity written, ObjectNode before) {
        String previous = before == null ? null : before.path("team").asText(null);
        if (before == null || !Objects.equals(written.team, previous)) {
            TeamMembershipEntity membership = new TeamMembershipEntity();
            membership.id = Ids.next("mbr");
            membership.userId = written.id;
            membership.team = written.team;
            membership.sinceAt = tx.now();
            membership.createdAt = tx.now();
            membership.updatedAt = tx.now();
            tx.em().persist(membership);
        }
    }

    @Override
    public void checkDelete(TenantTransaction tx, UserEntity stored, Violations v) {
        long goals = tx.em().createQuery("SELECT COUNT(g) FROM GoalEntity g WHERE g.scopeUserId = :id", Long.class)
                .setParameter("id", stored.id).getSingleResult();
        if (goals > 0) {
            v.add("id", "is the scope of " + goals + " goal(s); delete or re-scope them first");
        }
    }

}
