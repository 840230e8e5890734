package org.revos.leads.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * The sign-ups intake has seen, by e-mail and by company domain, as one intake transaction needs them: whether any was
 * seen (the duplicate filters ask) and the lead of the first one (a duplicate's record names it). The transaction's
 * sign-ups are looked up together when it starts (two indexed queries for the lot, instead of two per sign-up), and
 * each sign-up the transaction takes is added as it goes, so a later sign-up of the same transaction is a duplicate of
 * an earlier one exactly as it would be one transaction later. Anything else a filter asks about is looked up alone.
 * Lookups never flush the transaction's pending writes: what it wrote is known from here, not from the database.
 */
final class Known {

    /** What is known of one e-mail or domain: whether intake saw it, and the first lead made for it. */
    private static final class Entry {
        boolean seen;
        String firstLead;

        void add(String leadId) {
            seen = true;
            if (firstLead == null) {
                firstLead = leadId;
            }
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

    /** Looks up the e-mails and (company) domains of {@code signUps} at once. */
    void prefetch(List<SignUpInput> signUps) {
        Set<String> e = new LinkedHashSet<>();
        Set<String> d = new LinkedHashSet<>();
        for (SignUpInput s : signUps) {
            if (!emails.containsKey(s.email())) {
                e.add(s.email());
            }
            if (!freeMail.contains(s.domain()) && !domains.containsKey(s.domain())) {
                d.add(s.domain());
            }
        }
        load("email", e, emails);
        load("domain", d, domains);
    }

    private void load(String column, Set<String> keys, Map<String, Entry> into) {
        if (keys.isEmpty()) {
            return;
        }
        keys.forEach(k -> into.put(k, new Entry()));
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += 500) {
            List<Object[]> rows = em.createQuery("SELECT r." + column + ", r.leadId FROM LeadIntakeEntity r WHERE r."
                    + column + " IN :keys ORDER BY r.id", Object[].class)
                    .setParameter("keys", all.subList(i, Math.min(all.size(), i + 500)))
                    .setFlushMode(FlushModeType.COMMIT).getResultList();
            for (Object[] row : rows) {
                Entry entry = into.get((String) row[0]);
                entry.seen = true;
                if (entry.firstLead == null) {
                    entry.firstLead = (String) row[1];
                }
            }
        }
    }

    private Entry entry(String column, String key, Map<String, Entry> in) {
        Entry entry = in.get(key);
        if (entry == null) {
            load(column, Set.of(key), in);
            entry = in.get(key);
        }
        return entry;
    }

    boolean knownEmail(String email) {
        return email != null && entry("email", email, emails).seen;
    }

    /** @return whether intake saw a sign-up from the domain (a free mail domain is never known) */
    boolean knownDomain(String domain) {
        return domain != null && !freeMail.contains(domain) && entry("domain", domain, domains).seen;
    }

    /** @return the lead of the first sign-up with the same e-mail, else from the same domain; {@code null} for none */
    String firstLead(String email, String domain) {
        String byEmail = entry("email", email, emails).firstLead;
        return byEmail != null ? byEmail : entry("domain", domain, domains).firstLead;
    }

    /** Adds a sign-up the running transaction took, with its lead ({@code null} for a duplicate). */
    void add(String email, String domain, String leadId) {
        entry("email", email, emails).add(leadId);
        entry("domain", domain, domains).add(leadId);
    }
}
