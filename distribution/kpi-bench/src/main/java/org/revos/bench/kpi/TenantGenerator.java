package org.revos.bench.kpi;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates a realistic tenant from a {@link TenantShape}, deterministically from its seed.
 * <ul>
 * <li>Users: four in five are AEs, the rest AMs, in teams of about ten with a segment each; one in five changes team
 * once during the three years (the history is kept as memberships); one in ten is in no team at all.</li>
 * <li>Accounts: a segment (60 % SMB, 30 % mid-market, 10 % enterprise), a country and an owner (an AM when the
 * segment has one, else an AE).</li>
 * <li>Deals: created evenly over the three years on a random account, owned by an AE of the account's segment, with an
 * ARR drawn by segment (one in twenty has no amount) and a close date (one in four has none). Each enters
 * QUALIFICATION when created and moves on through OPPORTUNITY, PROPOSAL and NEGOTIATION, days to weeks apart, losing
 * some at each step; a negotiation may slip back to PROPOSAL, a lost deal may be reopened, and a won deal may be
 * reopened into NEGOTIATION and closed again. A deal whose next move would fall after the history stays where it is.
 * </li>
 * <li>Revenue: most accounts start (NEW) at some point, then each quarter may expand, contract or churn, renew once a
 * year (up or down), and a churned account may come back as NEW. Sales-led NEW and EXPANSION events name a deal.
 * Most events are recorded as they occur; one in eight is recorded days to weeks later (back-dated) and one in twelve
 * ahead of its date (future-dated), always before the history's end.</li>
 * <li>Periods are cut in the shape's time zone (not UTC by default).</li>
 * </ul>
 */
public final class TenantGenerator {

    private static final long DAY = 86_400_000L;
    private static final double[] ADVANCE = { 0.9, 0.83, 0.79, 0.7 };

    private final TenantShape shape;
    private final SplittableRandom random;

    private TenantGenerator(TenantShape shape) {
        this.shape = shape;
        this.random = new SplittableRandom(shape.seed());
    }

    public static GeneratedTenant generate(TenantShape shape) {
        return new TenantGenerator(shape).run();
    }

    private GeneratedTenant run() {
        int users = shape.users();
        int teams = Math.max(1, users / 10);
        boolean[] isAe = new boolean[users];
        byte[] userSegment = new byte[users];
        int[] teamSegment = new int[teams];
        for (int t = 0; t < teams; t++) {
            teamSegment[t] = t % 3;
        }
        Growing members = new Growing(3);
        for (int u = 0; u < users; u++) {
            isAe[u] = u % 5 != 4;
            int team = u % teams;
            if (random.nextInt(10) == 0) {
                userSegment[u] = (byte) (u % 3); // in no team
                continue;
            }
            userSegment[u] = (byte) teamSegment[team];
            members.add(u, team, shape.start());
            if (random.nextInt(5) == 0) {
                int other = (team + 3 * (1 + random.nextInt(Math.max(1, teams / 3)))) % teams;
                members.add(u, other, shape.start() + random.nextLong(shape.end() - shape.start()));
            }
        }
        int[][] bySegment = usersBySegment(isAe, userSegment, true);
        int[][] amsBySegment = usersBySegment(isAe, userSegment, false);

        int accounts = shape.accounts();
        long[] accountCreated = new long[accounts];
        int[] accountOwner = new int[accounts];
        byte[] accountSegment = new byte[accounts];
        byte[] accountCountry = new byte[accounts];
        for (int a = 0; a < accounts; a++) {
            int roll = random.nextInt(10);
            int segment = roll < 6 ? 0 : roll < 9 ? 1 : 2;
            accountSegment[a] = (byte) segment;
            accountCountry[a] = (byte) random.nextInt(GeneratedTenant.COUNTRIES.size());
            accountCreated[a] = shape.start() - 200 * DAY - random.nextLong(365 * DAY);
            int[] owners = amsBySegment[segment].length > 0 ? amsBySegment[segment] : bySegment[segment];
            accountOwner[a] = owners[random.nextInt(owners.length)];
        }

        int deals = shape.deals();
        long[] dealCreated = new long[deals];
        int[] dealAccount = new int[deals];
        int[] dealOwner = new int[deals];
        long[] dealArr = new long[deals];
        int[] dealCloseDay = new int[deals];
        byte[] dealStage = new byte[deals];
        Growing transitions = new Growing(4);
        long span = shape.end() - shape.start();
        for (int d = 0; d < deals; d++) {
            int account = random.nextInt(accounts);
            int segment = accountSegment[account];
            dealAccount[d] = account;
            dealOwner[d] = bySegment[segment][random.nextInt(bySegment[segment].length)];
            dealArr[d] = random.nextInt(20) == 0 ? GeneratedTenant.NO_ARR : arrCents(segment);
            dealCreated[d] = shape.start() + random.nextLong(span);
            dealCloseDay[d] = random.nextInt(4) == 0 ? GeneratedTenant.NO_CLOSE_DATE
                    : (int) (java.time.Instant.ofEpochMilli(dealCreated[d]).atZone(shape.zone()).toLocalDate()
                            .toEpochDay() + 10 + random.nextInt(120));
            dealStage[d] = (byte) progress(d, dealCreated[d], transitions);
        }

        Growing revenue = new Growing(6);
        for (int a = 0; a < accounts; a++) {
            revenue(a, accountSegment[a], deals, revenue);
        }
        return new GeneratedTenant(shape, isAe, userSegment, members.ints(0), members.ints(1), members.longs(2),
                accountCreated, accountOwner, accountSegment, accountCountry, dealCreated, dealAccount, dealOwner,
                dealArr, dealCloseDay, dealStage, transitions.ints(0), transitions.bytes(1), transitions.bytes(2),
                transitions.longs(3), revenue.ints(0), revenue.longs(1), revenue.bytes(2), revenue.longs(3),
                revenue.ints(4), revenue.longs(5));
    }

    /** Adds the deal's stage entries and returns the stage it ends in. */
    private int progress(int deal, long created, Growing out) {
        int stage = 0;
        long at = created;
        out.add(deal, -1, 0, at);
        while (true) {
            int next;
            if (stage == GeneratedTenant.WON) {
                if (random.nextInt(15) != 0) {
                    return stage;
                }
                next = 3; // reopened into negotiation, to be closed again
            } else if (stage == GeneratedTenant.LOST) {
                if (random.nextInt(5) != 0) {
                    return stage;
                }
                next = 0;
            } else if (stage == 3 && random.nextInt(4) == 0) {
                next = 2;
            } else if (random.nextDouble() < ADVANCE[stage]) {
                next = stage == 3 ? GeneratedTenant.WON : stage + 1;
            } else {
                next = GeneratedTenant.LOST;
            }
            at += DAY / 2 + random.nextLong(30 * DAY) + random.nextLong(DAY);
            if (at >= shape.end()) {
                return stage;
            }
            out.add(deal, stage, next, at);
            stage = next;
        }
    }

    private long arrCents(int segment) {
        long base = switch (segment) {
            case 0 -> 5_000;
            case 1 -> 25_000;
            default -> 120_000;
        };
        return (base + random.nextLong(base * 3)) * 100 + random.nextInt(100);
    }

    /** Adds one account's revenue history. */
    private void revenue(int account, int segment, int deals, Growing out) {
        if (random.nextInt(10) == 0) {
            return;
        }
        long quarter = 91 * DAY;
        long at = shape.start() - 180 * DAY + random.nextLong(shape.end() - shape.start() + 150 * DAY);
        long arr = 0;
        long nextRenewal = 0;
        while (at < shape.end()) {
            int kind;
            long delta;
            if (arr == 0) {
                kind = 0;
                delta = arrCents(segment);
                nextRenewal = at + 365 * DAY;
            } else if (at >= nextRenewal) {
                kind = 4;
                delta = (random.nextInt(3) == 0 ? -1 : 1) * Math.max(100, arr / (5 + random.nextInt(20)));
                nextRenewal += 365 * DAY;
            } else {
                int roll = random.nextInt(100);
                if (roll < 3) {
                    kind = 3;
                    delta = -arr;
                } else if (roll < 10) {
                    kind = 2;
                    delta = -Math.max(100, arr / (3 + random.nextInt(10)));
                } else if (roll < 50) {
                    kind = 1;
                    delta = Math.max(100, arr / (2 + random.nextInt(8)));
                } else {
                    at += quarter / 2 + random.nextLong(quarter);
                    continue;
                }
            }
            if (arr + delta < 0) {
                delta = -arr;
                kind = 3;
            }
            int deal = kind <= 1 && random.nextInt(10) < 7 ? random.nextInt(deals) : -1;
            if (at >= shape.start() - 180 * DAY) {
                int roll = random.nextInt(24);
                long recorded = roll < 3 ? Math.min(shape.end() - 1, at + DAY + random.nextLong(60 * DAY))
                        : roll < 5 ? at - DAY - random.nextLong(60 * DAY) : at;
                out.add(account, at, kind, delta, deal, recorded);
            }
            arr += delta;
            if (kind == 3 && random.nextInt(5) != 0) {
                return;
            }
            at += quarter / 2 + random.nextLong(quarter) + (kind == 3 ? 2 * quarter : 0);
        }
    }

    private static int[][] usersBySegment(boolean[] isAe, byte[] segment, boolean aes) {
        int[][] out = new int[3][];
        for (int s = 0; s < 3; s++) {
            int segmentIndex = s;
            out[s] = java.util.stream.IntStream.range(0, isAe.length)
                    .filter(u -> isAe[u] == aes && segment[u] == segmentIndex).toArray();
        }
        return out;
    }

    /** Rows of a few numeric fields, growing as they are added. */
    private static final class Growing {
        private long[][] fields;
        private int size;

        Growing(int width) {
            fields = new long[width][1024];
        }

        void add(long... values) {
            if (size == fields[0].length) {
                for (int f = 0; f < fields.length; f++) {
                    fields[f] = Arrays.copyOf(fields[f], size * 2);
                }
            }
            for (int f = 0; f < values.length; f++) {
                fields[f][size] = values[f];
            }
            size++;
        }

        long[] longs(int field) {
            return Arrays.copyOf(fields[field], size);
        }

        int[] ints(int field) {
            int[] out = new int[size];
            for (int i = 0; i < size; i++) {
                out[i] = (int) fields[field][i];
            }
            return out;
        }

        byte[] bytes(int field) {
            byte[] out = new byte[size];
            for (int i = 0; i < size; i++) {
                out[i] = (byte) fields[field][i];
            }
            return out;
        }
    }
}
