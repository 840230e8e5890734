package org.revos.leads.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.revos.api.event.RevosEvents;
import org.revos.api.leads.ExistingObject;
import org.revos.api.model.ObjectType;

/**
 * One tenant's leads, contacts and accounts by e-mail and by company domain, however they were made, held in memory:
 * the kernel keeps no index on those columns, so asking the database would scan every lead for every sign-up. Read
 * whole from the store once, then kept current from the kernel's change feed: every committed write that creates,
 * changes or deletes a lead, contact or account names it ({@link #touched}), and the next use reads just those again
 * by id before it answers ({@link #drain}). Intake's own leads are added as its transactions commit
 * ({@link #added}). A gap in the feed, or more pending objects than are worth reading one by one, reads everything
 * again. Used under the tenant's intake lock; the feed only adds to {@link #pending}.
 */
final class ExistingIndex {

    /** Read everything again rather than this many objects one by one. */
    static final int MAX_PENDING = 2_000;
    private static final Set<Object> TYPES = Set.of("LEAD", "CONTACT", "ACCOUNT");

    /** One key (an e-mail or domain) → the ids with it, in id order (the first made first). */
    private static final class Keys {
        private final Map<String, TreeSet<String>> ids = new HashMap<>();
        private final Map<String, String> keyOf = new HashMap<>();

        void put(String id, String key) {
            remove(id);
            if (key != null && !key.isEmpty()) {
                ids.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
                keyOf.put(id, key);
            }
        }

        void remove(String id) {
            String was = keyOf.remove(id);
            if (was != null) {
                TreeSet<String> set = ids.get(was);
                set.remove(id);
                if (set.isEmpty()) {
                    ids.remove(was);
                }
            }
        }

        String first(String key) {
            TreeSet<String> set = key == null ? null : ids.get(key);
            return set == null ? null : set.first();
        }
    }

    private final Keys leadEmails = new Keys();
    private final Keys contactEmails = new Keys();
    private final Keys leadDomains = new Keys();
    private final Keys contactDomains = new Keys();
    private final Keys accountDomains = new Keys();
    /** "TYPE:id" of objects written since they were read; filled by the change feed. */
    private final Set<String> pending = new LinkedHashSet<>();
    private boolean overflow;
    volatile long validThrough;

    ExistingIndex(long validThrough) {
        this.validThrough = validThrough;
    }

    /** Reads every lead, contact and account of the tenant (what the entity manager sees). */
    void load(EntityManager em) {
        for (Object[] r : em.createQuery("SELECT l.id, l.email FROM LeadEntity l WHERE l.email IS NOT NULL",
                Object[].class).getResultList()) {
            lead((String) r[0], (String) r[1]);
        }
        for (Object[] r : em.createQuery("SELECT c.id, c.email FROM ContactEntity c WHERE c.email IS NOT NULL",
                Object[].class).getResultList()) {
            contact((String) r[0], (String) r[1]);
        }
        for (Object[] r : em.createQuery("SELECT a.id, a.domain FROM AccountEntity a WHERE a.domain IS NOT NULL",
                Object[].class).getResultList()) {
            accountDomains.put((String) r[0], lower((String) r[1]));
        }
    }

    private void lead(String id, String email) {
        String e = lower(email);
        leadEmails.put(id, e);
        leadDomains.put(id, domain(e));
    }

    private void contact(String id, String email) {
        String e = lower(email);
        contactEmails.put(id, e);
        contactDomains.put(id, domain(e));
    }

    /** Adds a lead intake made, once its transaction has committed. */
    void added(String leadId, String email) {
        lead(leadId, email);
    }

    /**
     * Notes the leads, contacts and accounts a committed write touched (the change feed, on the writer's thread).
     *
     * @return whether the index still follows the feed (false: read everything again)
     */
    synchronized boolean touched(List<Map.Entry<String, Map<String, Object>>> events) {
        for (Map.Entry<String, Map<String, Object>> e : events) {
            Object type = e.getValue() == null ? null : e.getValue().get(RevosEvents.OBJECT_TYPE);
            if (e.getKey().startsWith("org/revos/object/") && (type == null || TYPES.contains(type))) {
                Object id = e.getValue() == null ? null : e.getValue().get(RevosEvents.OBJECT_ID);
                if (type == null || !(id instanceof String)) {
                    return false;
                }
                pending.add(type + ":" + id);
                if (pending.size() > MAX_PENDING) {
                    overflow = true;
                }
            }
        }
        return !overflow;
    }

    /** @return whether too many objects are pending: the caller reads everything again instead */
    synchronized boolean overflowing() {
        return overflow;
    }

    /** Reads again the objects written since they were read, by id; a gone one leaves the index. */
    void drain(EntityManager em) {
        List<String> todo;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            todo = new ArrayList<>(pending);
            pending.clear();
        }
        for (String key : todo) {
            int colon = key.indexOf(':');
            String type = key.substring(0, colon);
            String id = key.substring(colon + 1);
            switch (type) {
                case "LEAD" -> {
                    List<String> email = em.createQuery("SELECT l.email FROM LeadEntity l WHERE l.id = :id",
                            String.class).setParameter("id", id).getResultList();
                    if (email.isEmpty()) {
                        leadEmails.remove(id);
                        leadDomains.remove(id);
                    } else {
                        lead(id, email.get(0));
                    }
                }
                case "CONTACT" -> {
                    List<String> email = em.createQuery("SELECT c.email FROM ContactEntity c WHERE c.id = :id",
                            String.class).setParameter("id", id).getResultList();
                    if (email.isEmpty()) {
                        contactEmails.remove(id);
                        contactDomains.remove(id);
                    } else {
                        contact(id, email.get(0));
                    }
                }
                default -> {
                    List<String> domain = em.createQuery("SELECT a.domain FROM AccountEntity a WHERE a.id = :id",
                            String.class).setParameter("id", id).getResultList();
                    accountDomains.put(id, domain.isEmpty() ? null : lower(domain.get(0)));
                }
            }
        }
    }

    /** @return the first lead, else the first contact, with that e-mail */
    Optional<ExistingObject> email(String email) {
        String e = lower(email);
        String lead = leadEmails.first(e);
        if (lead != null) {
            return Optional.of(new ExistingObject(ObjectType.LEAD, lead));
        }
        String contact = contactEmails.first(e);
        return contact == null ? Optional.empty() : Optional.of(new ExistingObject(ObjectType.CONTACT, contact));
    }

    /** @return the first account with that domain, else the first lead, else the first contact at it */
    Optional<ExistingObject> domain(String domain, Set<String> freeMail) {
        String d = lower(domain);
        if (d == null || freeMail.contains(d)) {
            return Optional.empty();
        }
        String account = accountDomains.first(d);
        if (account != null) {
            return Optional.of(new ExistingObject(ObjectType.ACCOUNT, account));
        }
        String lead = leadDomains.first(d);
        if (lead != null) {
            return Optional.of(new ExistingObject(ObjectType.LEAD, lead));
        }
        String contact = contactDomains.first(d);
        return contact == null ? Optional.empty() : Optional.of(new ExistingObject(ObjectType.CONTACT, contact));
    }

    private static String lower(String text) {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }

    private static String domain(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1);
    }
}
