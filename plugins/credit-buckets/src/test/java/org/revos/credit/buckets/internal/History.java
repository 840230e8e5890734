package org.revos.credit.buckets.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditBucket;
import org.revos.api.spi.CreditInput;
import org.revos.api.spi.CreditLine;

/** Builds an account's revenue history day by day (amounts in major units) and credits it with the bucket rule. */
final class History {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final String segment;
    private final String owner;
    private final List<CreditInput.Event> events = new ArrayList<>();
    private final List<CreditInput.Version> versions = new ArrayList<>();
    private int day;

    private History(String segment, String owner) {
        this.segment = segment;
        this.owner = owner;
    }

    static History account() {
        return new History("MID_MARKET", "owner");
    }

    static History account(String segment, String owner) {
        return new History(segment, owner);
    }

    History rule(String effectiveFrom, Map<String, Object> settings) {
        versions.add(new CreditInput.Version("v" + versions.size(), Instant.parse(effectiveFrom + "T00:00:00Z"),
                settings));
        return this;
    }

    History rule(Map<String, Object> settings) {
        return rule("2026-01-01", settings);
    }

    /** Self-serve revenue: counts toward the total, credited to nobody. */
    History selfServe(long arr) {
        return event(null, arr, 0);
    }

    History sale(String rep, long arr) {
        return event(rep, arr, 0);
    }

    History sale(String rep, long arr, int seats) {
        return event(rep, arr, seats);
    }

    History contraction(long arr) {
        return event(null, -arr, 0);
    }

    History on(String date) {
        day = (int) java.time.Duration.between(START, Instant.parse(date + "T00:00:00Z")).toDays();
        return this;
    }

    History event(String rep, long arrMajor, int seats) {
        String id = "re" + events.size();
        events.add(new CreditInput.Event(id, START.plusSeconds(86_400L * day++), arrMajor * 100, seats,
                rep == null ? null : "deal-" + id, rep));
        return this;
    }

    AccountCredit credit() {
        return new BucketRule().credit(new CreditInput(new CreditInput.Account("acc", segment, owner), events,
                versions));
    }

    List<CreditInput.Event> events() {
        return events;
    }

    static Map<String, Long> byRep(AccountCredit credit, CreditBucket bucket) {
        Map<String, Long> out = new HashMap<>();
        for (CreditLine line : credit.lines()) {
            if (line.bucket() == bucket) {
                out.merge(line.ownerId(), line.amountCents() / 100, Long::sum);
            }
        }
        return out;
    }

    static long sum(AccountCredit credit, CreditBucket bucket) {
        return credit.lines().stream().filter(l -> l.bucket() == bucket).mapToLong(CreditLine::amountCents).sum();
    }
}
