package org.revos.api.query;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

import org.revos.api.model.ObjectType;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Tenant;

/**
 * The columnar binary form of a {@link Facts} snapshot, so that an engine that keeps tenants' facts in memory (the KPI
 * engine) can keep them on disk across restarts and load them in a fraction of the time reading the store takes: the
 * columns are written as they are held (primitive arrays in bulk, strings once each, dimension values as codes into a
 * dictionary), and read back into the same columns without a builder.
 * <p>
 * A file is: the magic {@code RVSFACTS}, the format {@link #VERSION}, a caller's stamp (the KPI engine's seal token),
 * the tenant's id, the columns, and a CRC-32C of everything before it. {@link #read} refuses, with an
 * {@link IOException} in plain words, a file of another format version, of another tenant, damaged or cut short, or
 * whose columns do not hold together (a row naming an object that is not there, times out of order); it never
 * answers a snapshot other than the one written. Whether the snapshot is still current is the caller's business
 * (the stamp is there for it). Memos of {@link Facts#derived} are not written.
 *
 * @since 1.2
 */
public final class FactsFile {

    /** The format written; files of another version are refused, not converted. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "RVSFACTS".getBytes(StandardCharsets.US_ASCII);
    private static final List<ObjectType> TABLES = List.of(ObjectType.LEAD, ObjectType.DEAL, ObjectType.ACCOUNT);
    private static final List<ObjectType> LOGS = List.of(ObjectType.LEAD, ObjectType.DEAL);
    private static final int KINDS = RevenueKind.values().length;

    private FactsFile() {
    }

    /**
     * Writes {@code facts} to {@code out} (buffered here; the caller makes it durable and closes it).
     *
     * @param stamp what the caller needs to tell whether the file is still current, read back by {@link #stamp}
     */
    public static void write(Facts facts, String stamp, WritableByteChannel out) throws IOException {
        Sink s = new Sink(out);
        s.bytes(MAGIC, MAGIC.length);
        s.putInt(VERSION);
        s.string(stamp);
        s.string(facts.tenant().id());
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        for (ObjectType type : TABLES) {
            ObjectTable t = facts.objects(type);
            for (String d : t.dimensions()) {
                String[] column = t.column(d);
                for (int i = 0; i < t.size(); i++) {
                    if (column[i] != null) {
                        dictionary.putIfAbsent(column[i], dictionary.size());
                    }
                }
            }
        }
        String[] words = dictionary.keySet().toArray(String[]::new);
        s.strings(words, words.length);
        for (ObjectType type : TABLES) {
            ObjectTable t = facts.objects(type);
            int n = t.size();
            s.putInt(n);
            s.strings(t.ids(), n);
            s.longs(t.createdAt(), n);
            s.longs(t.arrCents(), n);
            List<String> dims = new ArrayList<>(t.dimensions());
            dims.sort(null);
            s.putInt(dims.size());
            int[] codes = new int[n];
            for (String d : dims) {
                s.string(d);
                String[] column = t.column(d);
                for (int i = 0; i < n; i++) {
                    codes[i] = column[i] == null ? -1 : dictionary.get(column[i]);
                }
                s.ints(codes, n);
            }
        }
        for (ObjectType type : LOGS) {
            StageLog log = facts.stages(type);
            String[] stageIds = log.stageIds().toArray(String[]::new);
            s.strings(stageIds, stageIds.length);
            s.putInt(log.size());
            s.longs(log.at(), log.size());
            s.ints(log.objects(), log.size());
            s.ints(log.stages(), log.size());
        }
        RevenueLog r = facts.revenue();
        int n = r.size();
        s.putInt(n);
        s.longs(r.at(), n);
        s.ints(r.accounts(), n);
        s.bytes(r.kinds(), n);
        s.longs(r.deltas(), n);
        byte[] sales = new byte[n];
        for (int i = 0; i < n; i++) {
            sales[i] = (byte) (r.sales()[i] ? 1 : 0);
        }
        s.bytes(sales, n);
        s.longs(facts.revenueRecordedAt(), n);
        TeamHistory teams = facts.teams();
        List<String> users = new ArrayList<>(teams.since().keySet());
        users.sort(null);
        s.putInt(users.size());
        for (String user : users) {
            long[] since = teams.since().get(user);
            s.string(user);
            s.putInt(since.length);
            s.longs(since, since.length);
            s.strings(teams.teams().get(user), since.length);
        }
        s.finish();
    }

    /**
     * @return the stamp of a file written by {@link #write}, read without checking the rest of it
     * @throws IOException when it is no facts file or one of another format version
     */
    public static String stamp(ByteBuffer file) throws IOException {
        Source s = new Source(file.duplicate());
        try {
            s.header();
            return s.string();
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException("The facts file is cut short or damaged", e);
        }
    }

    /**
     * @param asOf the instant the snapshot is to describe: the caller knows it to be current then
     * @return the snapshot written to {@code file}, for {@code tenant}
     * @throws IOException in plain words when the file is not a whole, undamaged facts file of this format version and
     *                     tenant
     */
    public static Facts read(Tenant tenant, Instant asOf, ByteBuffer file) throws IOException {
        ByteBuffer all = file.duplicate();
        stamp(all); // magic and version first, so that an older format is named as such
        if (all.remaining() < MAGIC.length + 4 + 8) {
            throw new IOException("The facts file is cut short");
        }
        int end = all.limit() - 8;
        CRC32C crc = new CRC32C();
        ByteBuffer body = all.duplicate();
        body.limit(end);
        crc.update(body);
        if (crc.getValue() != all.getLong(end)) {
            throw new IOException("The facts file is damaged or cut short (its checksum does not match)");
        }
        ByteBuffer content = all.duplicate();
        content.limit(end);
        try {
            return new Source(content).facts(tenant, asOf);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException
                | NegativeArraySizeException | NullPointerException e) {
            throw new IOException("The facts file does not hold together: " + e.getMessage(), e);
        }
    }

    /** Writes through a buffer, summing what it writes. */
    private static final class Sink {
        private final WritableByteChannel out;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        private final CRC32C crc = new CRC32C();

        Sink(WritableByteChannel out) {
            this.out = out;
        }

        private void room(int n) throws IOException {
            if (buf.remaining() < n) {
                flush();
            }
        }

        private void flush() throws IOException {
            buf.flip();
            crc.update(buf.array(), 0, buf.limit());
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            buf.clear();
        }

        void putInt(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void string(String v) throws IOException {
            strings(new String[] { v }, 1);
        }

        /** Lengths in bytes (-1 for {@code null}), then the UTF-8 bytes of all of them. */
        void strings(String[] values, int n) throws IOException {
            putInt(n);
            byte[][] encoded = new byte[n][];
            int[] lengths = new int[n];
            for (int i = 0; i < n; i++) {
                encoded[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
                lengths[i] = encoded[i] == null ? -1 : encoded[i].length;
            }
            ints(lengths, n);
            for (int i = 0; i < n; i++) {
                if (encoded[i] != null) {
                    bytes(encoded[i], encoded[i].length);
                }
            }
        }

        void longs(long[] values, int n) throws IOException {
            int i = 0;
            while (i < n) {
                room(8);
                int k = Math.min(n - i, buf.remaining() / 8);
                buf.asLongBuffer().put(values, i, k);
                buf.position(buf.position() + k * 8);
                i += k;
            }
        }

        void ints(int[] values, int n) throws IOException {
            int i = 0;
            while (i < n) {
                room(4);
                int k = Math.min(n - i, buf.remaining() / 4);
                buf.asIntBuffer().put(values, i, k);
                buf.position(buf.position() + k * 4);
                i += k;
            }
        }

        void bytes(byte[] values, int n) throws IOException {
            int i = 0;
            while (i < n) {
                room(1);
                int k = Math.min(n - i, buf.remaining());
                buf.put(values, i, k);
                i += k;
            }
        }

        void finish() throws IOException {
            flush();
            ByteBuffer trailer = ByteBuffer.allocate(8).putLong(crc.getValue()).flip();
            while (trailer.hasRemaining()) {
                out.write(trailer);
            }
        }
    }

    /** Reads what a {@link Sink} wrote, checking what the columns must satisfy. */
    private static final class Source {
        private final ByteBuffer in;

        Source(ByteBuffer in) {
            this.in = in;
        }

        void header() throws IOException {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("Not a facts file");
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new IOException("The facts file has format version " + version + "; this runtime reads "
                        + VERSION);
            }
        }

        Facts facts(Tenant tenant, Instant asOf) throws IOException {
            header();
            string(); // the stamp, the caller's
            String tenantId = string();
            if (!tenant.id().equals(tenantId)) {
                throw new IOException("The facts file is of tenant " + tenantId + ", not " + tenant.id());
            }
            String[] words = strings();
            Map<ObjectType, ObjectTable> tables = new EnumMap<>(ObjectType.class);
            for (ObjectType type : TABLES) {
                int n = count();
                String[] ids = strings(n);
                Map<String, Integer> index = new ConcurrentHashMap<>(Math.max(16, (int) (n / 0.75f) + 1));
                for (int i = 0; i < n; i++) {
                    if (ids[i] == null || index.put(ids[i], i) != null) {
                        throw new IOException("The facts file names an object twice or without an id");
                    }
                }
                long[] createdAt = longs(n);
                long[] arr = longs(n);
                int dims = count();
                Map<String, String[]> columns = new HashMap<>();
                for (int d = 0; d < dims; d++) {
                    String name = string();
                    int[] codes = ints(n);
                    String[] column = new String[n];
                    for (int i = 0; i < n; i++) {
                        column[i] = codes[i] < 0 ? null : words[codes[i]];
                    }
                    columns.put(name, column);
                }
                tables.put(type, new ObjectTable(type, ids, createdAt, arr, columns, index, n));
            }
            Map<ObjectType, StageLog> logs = new EnumMap<>(ObjectType.class);
            for (ObjectType type : LOGS) {
                String[] stageIds = strings();
                Map<String, Integer> codes = new HashMap<>();
                for (int c = 0; c < stageIds.length; c++) {
                    codes.put(stageIds[c], c);
                }
                int n = count();
                long[] at = sorted(longs(n));
                int[] object = within(ints(n), tables.get(type).size());
                int[] stage = within(ints(n), stageIds.length);
                logs.put(type, new StageLog(at, object, stage, n, Arrays.asList(stageIds), codes,
                        tables.get(type).size()));
            }
            int n = count();
            long[] at = sorted(longs(n));
            int[] account = within(ints(n), tables.get(ObjectType.ACCOUNT).size());
            byte[] kind = bytes(n);
            for (byte k : kind) {
                if (k < 0 || k >= KINDS) {
                    throw new IOException("The facts file holds an unknown kind of revenue");
                }
            }
            long[] delta = longs(n);
            byte[] salesBytes = bytes(n);
            boolean[] sales = new boolean[n];
            for (int i = 0; i < n; i++) {
                sales[i] = salesBytes[i] != 0;
            }
            long[] recorded = longs(n);
            int users = count();
            Map<String, long[]> since = new HashMap<>();
            Map<String, String[]> teams = new HashMap<>();
            for (int u = 0; u < users; u++) {
                String user = string();
                long[] from = sorted(longs(count()));
                String[] team = strings(from.length);
                since.put(user, from);
                teams.put(user, team);
            }
            if (in.hasRemaining()) {
                throw new IOException("The facts file goes on past its columns");
            }
            return new Facts(tenant, asOf, tables, logs, new RevenueLog(at, account, kind, delta, sales, n), recorded,
                    new TeamHistory(since, teams));
        }

        private int count() throws IOException {
            int n = in.getInt();
            if (n < 0 || n > in.remaining()) {
                throw new IOException("The facts file counts " + n + " rows where it cannot hold them");
            }
            return n;
        }

        String string() throws IOException {
            String[] one = strings(1);
            return one[0];
        }

        String[] strings() throws IOException {
            return stringsOf(count());
        }

        /** Reads a string array, which must have {@code n} elements. */
        private String[] strings(int n) throws IOException {
            if (count() != n) {
                throw new IOException("The facts file's columns differ in length");
            }
            return stringsOf(n);
        }

        /** Reads the lengths and bytes of {@code n} strings, their count read already. */
        private String[] stringsOf(int n) throws IOException {
            int[] lengths = ints(n);
            String[] values = new String[n];
            long total = 0;
            for (int length : lengths) {
                total += Math.max(0, length);
            }
            if (total > in.remaining()) {
                throw new IOException("The facts file is cut short");
            }
            byte[] blob = new byte[(int) total];
            in.get(blob);
            int at = 0;
            for (int i = 0; i < n; i++) {
                if (lengths[i] >= 0) {
                    values[i] = new String(blob, at, lengths[i], StandardCharsets.UTF_8);
                    at += lengths[i];
                }
            }
            return values;
        }

        private long[] longs(int n) {
            long[] values = new long[n];
            in.asLongBuffer().get(values);
            in.position(in.position() + n * 8);
            return values;
        }

        private int[] ints(int n) {
            int[] values = new int[n];
            in.asIntBuffer().get(values);
            in.position(in.position() + n * 4);
            return values;
        }

        private byte[] bytes(int n) {
            byte[] values = new byte[n];
            in.get(values);
            return values;
        }

        private static long[] sorted(long[] at) throws IOException {
            for (int i = 1; i < at.length; i++) {
                if (at[i - 1] > at[i]) {
                    throw new IOException("The facts file holds times out of order");
                }
            }
            return at;
        }

        private static int[] within(int[] values, int bound) throws IOException {
            for (int v : values) {
                if (v < 0 || v >= bound) {
                    throw new IOException("The facts file names a row that is not there");
                }
            }
            return values;
        }
    }
}
