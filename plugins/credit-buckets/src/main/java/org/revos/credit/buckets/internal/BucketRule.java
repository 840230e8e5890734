package org.revos.credit.buckets.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditBucket;
import org.revos.api.spi.CreditInput;
import org.revos.api.spi.CreditInput.Event;
import org.revos.api.spi.CreditInput.Version;
import org.revos.api.spi.CreditLine;
import org.revos.api.spi.CreditRule;

/**
 * The orange and green buckets. Sales-closed ARR on an account below its threshold waits in the account's orange
 * bucket; the event that brings the account's total (self-serve revenue included) to the threshold turns it green
 * and spills every orange line to green credit at that instant; later sales-closed growth is green at once. Only
 * green is credit.
 * <p>
 * Versions: each event is bucketed under the version in effect at its instant; the earliest version also governs
 * the events before its date, so a tenant's first rule covers its whole history. Of versions with the same date, the
 * one posted last is in effect (versions come ordered by date, then posting). An account turns green at an
 * event, never between events, so a lowered threshold takes effect at the account's next revenue event.
 */
@Component(service = CreditRule.class)
public final class BucketRule implements CreditRule {

    public static final String ID = "buckets";

    /** Parsed versions by their settings: a recompute credits every account under the same few versions. */
    private final Map<Map<String, Object>, BucketSettings> parsed = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> validate(Map<String, Object> settings) {
        return BucketSettings.problems(settings);
    }

    @Override
    public AccountCredit credit(CreditInput input) {
        List<Version> versions = input.versions();
        List<BucketSettings> parsed = versions.stream().map(v -> settings(v.settings())).toList();
        Account account = new Account(input.account());
        // Before every version's date the earliest one governs; of versions posted for that same date, the last
        // posted (it corrects the others), as it does from that date on.
        int current = 0;
        while (current + 1 < versions.size()
                && versions.get(current + 1).effectiveFrom().equals(versions.get(0).effectiveFrom())) {
            current++;
        }
        for (Event event : input.history()) {
            while (current + 1 < versions.size()
                    && !versions.get(current + 1).effectiveFrom().isAfter(event.occurredAt())) {
                current++;
            }
            account.apply(event, parsed.get(current));
        }
        return account.result(parsed.get(current));
    }

    private BucketSettings settings(Map<String, Object> raw) {
        BucketSettings settings = parsed.get(raw);
        if (settings == null) {
            settings = BucketSettings.parse(raw);
            if (parsed.size() > 1_000) {
                parsed.clear(); // versions are few; this only bounds what many tenants' edits could leave behind
            }
            parsed.put(raw, settings);
        }
        return settings;
    }

    /** The running state of one account while its history is replayed. */
    private static final class Account {
        private final CreditInput.Account account;
        private final Deque<CreditLine> orange = new ArrayDeque<>();
        private final List<CreditLine> green = new ArrayList<>();
        /** what of each green line (same index) a clawback can still take back */
        private final List<long[]> claimable = new ArrayList<>();
        private long arr;
        private long seats;
        private Instant greenAt;

        Account(CreditInput.Account account) {
            this.account = account;
        }

        void apply(Event e, BucketSettings rule) {
            arr += e.arrDeltaCents();
            seats += e.seatsDelta();
            long delta = e.arrDeltaCents();
            if (delta > 0 && e.isSalesClosed()) {
                if (greenAt == null) {
                    orange.addLast(line(e, e.repId(), delta, CreditBucket.ORANGE, null));
                } else {
                    addGreen(line(e, e.repId(), delta, CreditBucket.GREEN, e.occurredAt()));
                }
            } else if (delta < 0) {
                if (greenAt == null) {
                    removeOrange(-delta);
                } else if (rule.clawbackDays() > 0) {
                    clawBack(e, -delta, e.occurredAt().minus(Duration.ofDays(rule.clawbackDays())));
                }
            }
            if (greenAt == null && total(rule) >= rule.threshold(account.segment())) {
                spill(e, rule);
            }
        }

        private long total(BucketSettings rule) {
            return rule.metric() == BucketSettings.Metric.ACCOUNT_SEATS ? seats : arr;
        }

        /** Contraction before green takes orange back, newest line first. */
        private void removeOrange(long amount) {
            long left = amount;
            while (left > 0 && !orange.isEmpty()) {
                CreditLine newest = orange.removeLast();
                long taken = Math.min(left, newest.amountCents());
                left -= taken;
                if (taken < newest.amountCents()) {
                    orange.addLast(withAmount(newest, newest.amountCents() - taken));
                }
            }
        }

        /** Contraction after green takes back green credit made within the window, newest first, as negative lines. */
        private void clawBack(Event e, long amount, Instant windowStart) {
            long left = amount;
            for (int i = green.size() - 1; i >= 0 && left > 0; i--) {
                CreditLine line = green.get(i);
                long[] open = claimable.get(i);
                if (open[0] <= 0 || line.creditedAt().isBefore(windowStart)) {
                    continue;
                }
                long taken = Math.min(left, open[0]);
                open[0] -= taken;
                left -= taken;
                green.add(new CreditLine(account.id(), e.revenueEventId(), line.dealId(), line.ownerId(), -taken,
                        CreditBucket.GREEN, e.occurredAt(), e.occurredAt()));
                claimable.add(new long[] { 0 });
            }
        }

        private void spill(Event crossing, BucketSettings rule) {
            greenAt = crossing.occurredAt();
            while (!orange.isEmpty()) {
                CreditLine line = orange.removeFirst();
                String owner = switch (rule.spill()) {
                    case CONTRIBUTORS -> line.ownerId();
                    case CROSSING_REP -> crossing.isSalesClosed() ? crossing.repId() : line.ownerId();
                    case ACCOUNT_OWNER -> account.ownerId() != null ? account.ownerId() : line.ownerId();
                };
                addGreen(new CreditLine(line.accountId(), line.revenueEventId(), line.dealId(), owner,
                        line.amountCents(), CreditBucket.GREEN, line.occurredAt(), greenAt));
            }
        }

        private void addGreen(CreditLine line) {
            green.add(line);
            claimable.add(new long[] { line.amountCents() });
        }

        private CreditLine line(Event e, String rep, long amount, CreditBucket bucket, Instant creditedAt) {
            return new CreditLine(account.id(), e.revenueEventId(), e.dealId(), rep, amount, bucket, e.occurredAt(),
                    creditedAt);
        }

        private static CreditLine withAmount(CreditLine l, long amount) {
            return new CreditLine(l.accountId(), l.revenueEventId(), l.dealId(), l.ownerId(), amount, l.bucket(),
                    l.occurredAt(), l.creditedAt());
        }

        AccountCredit result(BucketSettings rule) {
            long threshold = rule.threshold(account.segment());
            long total = total(rule);
            boolean near = greenAt == null
                    && BigDecimal.valueOf(total).compareTo(rule.nearThresholdShare().multiply(BigDecimal.valueOf(threshold))) >= 0;
            List<CreditLine> lines = new ArrayList<>(green);
            lines.addAll(orange);
            return new AccountCredit(account.id(), greenAt == null ? CreditBucket.ORANGE : CreditBucket.GREEN, total,
                    threshold, greenAt, near, lines);
        }
    }
}
