package org.revos.leads.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * The sign-ups intake has seen, by e-mail and by company domain, as one intake transaction needs them: whether any was
 * seen (the duplicate filters ask) and the lead of the first one (a duplicate's record names it). What the database
 * holds is looked up once per e-mail or domain and transaction (an indexed query each); each sign-up the transaction
 * takes is added as it goes, so a later sign-up of the same transaction is a duplicate of an earlier one exactly as it
 * would be one transaction later. Lookups never flush the transaction's pending writes: what it wrote is known from
 * here, not from the database. (Looking up a whole transaction's e-mails with one {@code IN} query was tried: Derby
 * answers it by scanning, far slower than one indexed lookup per key.)
 */
final class Known {

    /** What is known of one e-mail or domain: from the database (once looked up) and from this transaction. */
    private static final class Entry {
        boolean looked;
        boolean stored;
        String storedFirst;
        boolean taken;
        String takenFirst;

        boolean seen() {
            return stored || taken;
        }

        String first() {
            return storedFirst != null ? storedFirst : takenFirst;
        }
    }

    private final EntityManager em;
    private final Set<String> freeMail;
    private final Map<String, Entry> emails = new HashMap<>();
    private final Map<String, Entry> domains = new HashMap<>();

    Known(EntityManager em, Set<String> freeMail) {
        this.em = em;
        this.freeMail = freeMail;
    }

    private Entry looked(String column, String key, Map<String, Entry> in) {
        Entry entry = in.computeIfAbsent(key, k -> new Entry());
        if (!entry.looked) {
            entry.looked = true;
            List<String> first = em.createQuery("SELECT r.leadId FROM LeadIntakeEntity r WHERE r." + column
                    + " = :key ORDER BY r.id", String.class).setParameter("key", key)
                    .setFlushMode(FlushModeType.COMMIT).setMaxResults(1).getResultList();
            if (!first.isEmpty()) {
                entry.stored = true;
                entry.storedFirst = first.get(0);
                if (entry.storedFirst == null) {
                    // the first record made no lead (a duplicate whose original is gone); take the first that did
                    List<String> made = em.createQuery("SELECT r.leadId FROM LeadIntakeEntity r WHERE r." + column
                            + " = :key AND r.leadId IS NOT NULL ORDER BY r.id", String.class)
                            .setParameter("key", key).setFlushMode(FlushModeType.COMMIT).setMaxResults(1)
                            .getResultList();
                    entry.storedFirst = made.isEmpty() ? null : made.get(0);
                }
            }
        }
        return entry;
    }

    boolean knownEmail(String email) {
        return email != null && looked("email", email, emails).seen();
    }

    /** @return whether intake saw a sign-up from the domain (a free mail domain is never known) */
    boolean knownDomain(String domain) {
        return domain != null && !freeMail.contains(domain) && looked("domain", domain, domains).seen();
    }

    /**
     * @return the lead of the first sign-up with the same e-mail, else from the same company domain (a free mail
     *         domain names no company); {@code null} for none
     */
    String firstLead(String email, String domain) {
        String byEmail = looked("email", email, emails).first();
        if (byEmail != null || domain == null || freeMail.contains(domain)) {
            return byEmail;
        }
        return looked("domain", domain, domains).first();
    }

    /** Adds a sign-up the running transaction took, with its lead ({@code null} for a duplicate). */
    void add(String email, String domain, String leadId) {
        take(emails.computeIfAbsent(email, k -> new Entry()), leadId);
        take(domains.computeIfAbsent(domain, k -> new Entry()), leadId);
    }

    private static void take(Entry entry, String leadId) {
        entry.taken = true;
        if (entry.takenFirst == null) {
            entry.takenFirst = leadId;
        }
    }
}
