package org.revos.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.revos.api.model.ObjectType;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Tenant;

/**
 * A snapshot written by {@link FactsFile} and read back is the same snapshot, column by column and row by row, on
 * generated tenants of every shape (empty, unset dimensions, users in no team, ids outside ASCII, a successor whose
 * columns are longer than its rows); and a file cut short, damaged anywhere, of another format version or of another
 * tenant is refused in words, never read as some other snapshot.
 */
class FactsFileTest {

    private static final Tenant TENANT = new Tenant("ten_file", "File", "EUR", ZoneId.of("America/St_Johns"));
    private static final Instant AS_OF = Instant.parse("2026-06-30T12:00:00Z");
    private static final String[] STAGES = { "QUALIFICATION", "PROPOSAL", "CLOSED_WON", "CLOSED_LOST", "NEW", "MQL" };

    @Test
    void generatedTenantsComeBackAsTheyWereWritten() throws IOException {
        for (int seed = 0; seed < 200; seed++) {
            Facts facts = generate(new SplittableRandom(seed), seed % 10 == 0 ? 0 : 1 + seed % 60);
            Facts read = FactsFile.read(TENANT, facts.asOf(), ByteBuffer.wrap(bytes(facts, "stamp-" + seed)));
            assertEquals(describe(facts), describe(read), "seed " + seed);
            Instant earlier = facts.asOf().minusSeconds(86_400L * (seed % 400));
            assertEquals(describe(facts.asOf(earlier)), describe(read.asOf(earlier)), "as of earlier, seed " + seed);
            assertEquals("stamp-" + seed, FactsFile.stamp(ByteBuffer.wrap(bytes(facts, "stamp-" + seed))));
        }
    }

    @Test
    void aSuccessorWhoseColumnsOutgrowItsRowsComesBackWithItsRowsOnly() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        Facts facts = generate(random, 30);
        for (int round = 0; round < 5; round++) {
            FactsBuilder next = facts.toBuilder();
            next.object(ObjectType.DEAL, "later-" + round, AS_OF.plusSeconds(round), 500, Map.of("ownerId", "u1"));
            next.entered(ObjectType.DEAL, "later-" + round, "QUALIFICATION", AS_OF.plusSeconds(round));
            next.forgetRevenue("a1");
            next.revenue("a1", AS_OF.minusSeconds(5), RevenueKind.EXPANSION, 77, false, AS_OF);
            facts = next.build(AS_OF.plusSeconds(round + 1));
            Facts read = FactsFile.read(TENANT, facts.asOf(), ByteBuffer.wrap(bytes(facts, "s")));
            assertEquals(describe(facts), describe(read), "round " + round);
            // the loaded snapshot takes successors as one built from the store does
            FactsBuilder a = facts.toBuilder();
            FactsBuilder b = read.toBuilder();
            for (FactsBuilder x : List.of(a, b)) {
                x.object(ObjectType.LEAD, "l-new-" + round, AS_OF, 0, Map.of("source", "web"));
                x.entered(ObjectType.LEAD, "l-new-" + round, "MQL", AS_OF.plusSeconds(30));
            }
            facts = a.build(AS_OF.plusSeconds(100 + round));
            assertEquals(describe(facts), describe(b.build(AS_OF.plusSeconds(100 + round))), "successor " + round);
        }
    }

    @Test
    void aFileCutShortOrDamagedAnywhereIsRefused() throws IOException {
        byte[] whole = bytes(generate(new SplittableRandom(3), 12), "token");
        for (int cut = 0; cut < whole.length; cut += Math.max(1, whole.length / 300)) {
            byte[] shorter = java.util.Arrays.copyOf(whole, cut);
            assertThrows(IOException.class, () -> FactsFile.read(TENANT, AS_OF, ByteBuffer.wrap(shorter)),
                    "cut at " + cut);
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 500; i++) {
            byte[] damaged = whole.clone();
            int at = random.nextInt(damaged.length);
            damaged[at] ^= (byte) (1 + random.nextInt(255));
            assertThrows(IOException.class, () -> FactsFile.read(TENANT, AS_OF, ByteBuffer.wrap(damaged)),
                    "byte " + at + " changed");
        }
        byte[] longer = java.util.Arrays.copyOf(whole, whole.length + 3);
        assertThrows(IOException.class, () -> FactsFile.read(TENANT, AS_OF, ByteBuffer.wrap(longer)));
    }

    @Test
    void anotherFormatVersionOrTenantOrNoFactsFileAtAllIsRefusedInWords() throws IOException {
        byte[] whole = bytes(generate(new SplittableRandom(4), 5), "token");
        byte[] version = whole.clone();
        ByteBuffer.wrap(version).putInt(8, FactsFile.VERSION + 1);
        IOException newer = assertThrows(IOException.class,
                () -> FactsFile.read(TENANT, AS_OF, ByteBuffer.wrap(version)));
        assertTrue(newer.getMessage().contains("format version " + (FactsFile.VERSION + 1)), newer.getMessage());
        assertThrows(IOException.class, () -> FactsFile.stamp(ByteBuffer.wrap(version)));

        Tenant other = new Tenant("ten_other", "Other", "EUR", ZoneId.of("UTC"));
        IOException foreign = assertThrows(IOException.class,
                () -> FactsFile.read(other, AS_OF, ByteBuffer.wrap(whole)));
        assertTrue(foreign.getMessage().contains("ten_file"), foreign.getMessage());

        byte[] text = "RVSFACTS? no, a text file that happens to be long enough".getBytes();
        assertThrows(IOException.class, () -> FactsFile.read(TENANT, AS_OF, ByteBuffer.wrap(text)));
        assertThrows(IOException.class, () -> FactsFile.stamp(ByteBuffer.wrap(new byte[3])));
    }

    private static byte[] bytes(Facts facts, String stamp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FactsFile.write(facts, stamp, Channels.newChannel(out));
        return out.toByteArray();
    }

    /** A tenant with {@code size} deals and about as many leads, accounts and users, of every shape the store has. */
    static Facts generate(SplittableRandom r, int size) {
        FactsBuilder b = Facts.builder(TENANT);
        long base = AS_OF.toEpochMilli() - 3L * 365 * 86_400_000;
        int accounts = Math.max(1, size / 3);
        int users = Math.max(1, size / 5);
        for (int u = 0; u < users; u++) {
            int memberships = r.nextInt(3);
            for (int m = 0; m < memberships; m++) {
                b.membership("u" + u, r.nextInt(5) == 0 ? null : "team-" + r.nextInt(4),
                        Instant.ofEpochMilli(base + r.nextLong(100_000_000_000L)));
            }
        }
        for (int a = 0; a < (size == 0 ? 0 : accounts); a++) {
            b.object(ObjectType.ACCOUNT, "a" + a, Instant.ofEpochMilli(base + r.nextLong(1_000_000_000L)), 0,
                    dims(r, "ownerId", "u" + r.nextInt(users), "segment", pick(r, "SMB", "MID", "ENT"), "country",
                            pick(r, "DE", "FR", "CA")));
        }
        for (int d = 0; d < size; d++) {
            String id = r.nextInt(7) == 0 ? "déal-" + d + "-☃" : "d" + d;
            b.object(ObjectType.DEAL, id, Instant.ofEpochMilli(base + r.nextLong(90_000_000_000L)),
                    r.nextInt(20) == 0 ? 0 : r.nextLong(10_000_000), dims(r, "ownerId", "u" + r.nextInt(users),
                            "pipeline", pick(r, "sales", "renewals"), "segment", pick(r, "SMB", "ENT"), "country",
                            pick(r, "DE", "CA")));
            int moves = r.nextInt(6);
            for (int m = 0; m < moves; m++) {
                b.entered(ObjectType.DEAL, id, STAGES[r.nextInt(4)],
                        Instant.ofEpochMilli(base + r.nextLong(95_000_000_000L)));
            }
            b.object(ObjectType.LEAD, "l" + d, Instant.ofEpochMilli(base + r.nextLong(90_000_000_000L)), 0,
                    dims(r, "ownerId", "u" + r.nextInt(users), "pipeline", "leads", "source", pick(r, "web", "event"),
                            "country", pick(r, "DE", "US"), "segment", pick(r, "SMB", "ENT")));
            if (r.nextBoolean()) {
                b.entered(ObjectType.LEAD, "l" + d, STAGES[4 + r.nextInt(2)],
                        Instant.ofEpochMilli(base + r.nextLong(95_000_000_000L)));
            }
            b.revenue("a" + r.nextInt(accounts), Instant.ofEpochMilli(base + r.nextLong(95_000_000_000L)),
                    RevenueKind.values()[r.nextInt(RevenueKind.values().length)], r.nextLong(2_000_000) - 500_000,
                    r.nextBoolean(), Instant.ofEpochMilli(base + r.nextLong(95_000_000_000L)));
        }
        // rows of unknown objects are left out by the builder, as they are from the store
        b.entered(ObjectType.DEAL, "no-such-deal", "PROPOSAL", AS_OF);
        return b.build(AS_OF);
    }

    private static String pick(SplittableRandom r, String... values) {
        return r.nextInt(6) == 0 ? null : values[r.nextInt(values.length)];
    }

    private static Map<String, String> dims(SplittableRandom r, String... pairs) {
        Map<String, String> dims = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null && r.nextInt(10) != 0) {
                dims.put(pairs[i], pairs[i + 1]);
            }
        }
        return dims;
    }

    /** Every column of a snapshot, row by row in its order, and what its indexes answer. */
    static String describe(Facts f) {
        StringBuilder s = new StringBuilder(f.tenant().id()).append(' ').append(f.asOf()).append('\n');
        for (ObjectType type : List.of(ObjectType.LEAD, ObjectType.DEAL, ObjectType.ACCOUNT)) {
            ObjectTable t = f.objects(type);
            s.append(type).append(' ').append(t.size()).append(' ').append(new TreeMap<>(Map.of("d",
                    new ArrayList<>(new java.util.TreeSet<>(t.dimensions()))))).append('\n');
            for (int i = 0; i < t.size(); i++) {
                s.append(t.id(i)).append(' ').append(t.createdAt(i)).append(' ').append(t.arrCents(i))
                        .append(' ').append(t.indexOf(t.id(i)));
                for (String d : new java.util.TreeSet<>(t.dimensions())) {
                    s.append(' ').append(d).append('=').append(t.dimension(d, i));
                }
                s.append('\n');
            }
            s.append(t.indexOf("no-such-id")).append('\n');
            if (type != ObjectType.ACCOUNT) {
                StageLog log = f.stages(type);
                s.append("stages ").append(log.size()).append('\n');
                for (int i = 0; i < log.size(); i++) {
                    s.append(log.at(i)).append(' ').append(t.id(log.object(i))).append(' ')
                            .append(log.stageId(log.stage(i))).append(' ').append(log.code(log.stageId(log.stage(i))))
                            .append('\n');
                }
                for (int o = 0; o < t.size(); o++) {
                    s.append(java.util.Arrays.toString(log.rowsOf(o)));
                }
                s.append(log.firstAtOrAfter(AS_OF.toEpochMilli() - 86_400_000L * 400)).append('\n');
            }
        }
        RevenueLog r = f.revenue();
        ObjectTable accounts = f.objects(ObjectType.ACCOUNT);
        s.append("revenue ").append(r.size()).append('\n');
        for (int i = 0; i < r.size(); i++) {
            s.append(r.at(i)).append(' ').append(accounts.id(r.account(i))).append(' ').append(r.kind(i)).append(' ')
                    .append(r.arrDeltaCents(i)).append(' ').append(r.salesClosed(i)).append(' ')
                    .append(f.revenueRecordedAt()[i]).append('\n');
        }
        TeamHistory teams = f.teams();
        new TreeMap<>(teams.since()).forEach((user, since) -> s.append(user).append(' ')
                .append(java.util.Arrays.toString(since)).append(' ')
                .append(java.util.Arrays.toString(teams.teams().get(user))).append(' ')
                .append(teams.teamAt(user, AS_OF.toEpochMilli())).append('\n'));
        return s.toString();
    }
}
