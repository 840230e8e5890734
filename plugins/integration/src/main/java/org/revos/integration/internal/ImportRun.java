package org.revos.integration.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.revos.api.model.ObjectType;
import org.revos.api.security.Caller;
import org.revos.api.spi.ImportRow;
import org.revos.api.spi.Importer;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.JobRunner;
import org.revos.kernel.spi.JobRunner.Progress;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.TenantTransaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The work of one import job, in two passes over the spooled source. The first validates every row with the rules of
 * a real write inside transactions that are rolled back, and reports every bad row; in atomic mode one bad row ends
 * the import there, with nothing written. The second writes the good rows in batches, each batch committing its rows
 * together with the import's checkpoint, so an import stopped at any instant has either written nothing or knows
 * exactly how far it got and resumes after that line. Progress counts both passes: {@code total} is twice the rows.
 */
final class ImportRun implements JobRunner.Work {

    static final int BATCH = 500;
    /** created rows past which the import may have the database measure the table again before it reports done */
    static final long STATISTICS_AFTER = 10_000;

    private final TenantStore store;
    private final PluginCalls gateway;
    private final Contribution<Importer> importer;
    private final String tenantId;
    private final Caller caller;
    private final String importId;
    private final RowApplier<?> applier;
    private final Map<String, String> overrides;
    private final UnaryOperator<ImportRow> translation;
    /** whether the engine is stopping (its bundle updated or removed): the import then ends, resumable */
    private final BooleanSupplier stopping;
    /** by ordinal, the rows whose key the validation pass found new: the write pass does not look them up again */
    private final BitSet fresh = new BitSet();

    ImportRun(TenantStore store, PluginCalls gateway, Contribution<Importer> importer, String tenantId, Caller caller,
            String importId, RowApplier<?> applier, Map<String, String> overrides,
            UnaryOperator<ImportRow> translation, BooleanSupplier stopping) {
        this.store = store;
        this.gateway = gateway;
        this.importer = importer;
        this.tenantId = tenantId;
        this.caller = caller;
        this.importId = importId;
        this.applier = applier;
        this.overrides = overrides;
        this.translation = translation;
        this.stopping = stopping;
    }

    @Override
    public JsonNode run(Progress context) throws Exception {
        ImportEntity state = load();
        Path file = Path.of(state.sourcePath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The spooled source of this import is gone; POST the file again");
        }
        boolean partial = "PARTIAL".equals(state.mode);
        BitSet bad = new BitSet();
        List<String> ignored;
        if (state.rowCount < 0) {
            change(s -> s.state = "VALIDATING");
            long rows = count(file, state);
            context.total(2 * rows);
            ignored = validate(file, state, context, bad);
            if (!bad.isEmpty() && !partial) {
                change(s -> s.state = "REFUSED");
                ImportSource.delete(file);
                throw new ImportRefused(bad.cardinality() + " of " + rows + " rows are bad; nothing was written"
                        + " (mode=atomic). The errors list every bad row; fix them, or import with mode=partial.");
            }
            change(s -> {
                s.rowCount = rows;
                s.state = "WRITING";
            });
        } else {
            change(s -> s.state = "WRITING");
            context.total(2 * state.rowCount);
            try (ImportSource source = open(file, state)) {
                ignored = source.ignoredColumns();
            }
        }
        ImportEntity done = write(file, load(), context, bad, partial);
        if (done.created >= STATISTICS_AFTER) {
            refreshStatistics();
        }
        change(s -> s.state = "DONE");
        ImportSource.delete(file);
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("object", done.objectType)
                .put("format", done.format).put("mode", done.mode.toLowerCase()).put("rows", done.rowCount)
                .put("created", done.created).put("updated", done.updated).put("unchanged", done.unchanged)
                .put("bad", done.rowCount - done.created - done.updated - done.unchanged);
        ignored.forEach(result.putArray("ignoredColumns")::add);
        return result;
    }

    private long count(Path file, ImportEntity state) throws PluginCallFailed {
        long rows = 0;
        try (ImportSource source = open(file, state)) {
            for (List<ImportRow> batch = source.next(BATCH * 4); !batch.isEmpty(); batch = source.next(BATCH * 4)) {
                rows += batch.size();
            }
        }
        return rows;
    }

    /** @return the source columns no field takes */
    private List<String> validate(Path file, ImportEntity state, Progress context, BitSet bad)
            throws PluginCallFailed {
        long ordinal = 0;
        try (ImportSource source = open(file, state)) {
            for (List<ImportRow> rows = source.next(BATCH); !rows.isEmpty(); rows = source.next(BATCH)) {
                checkCancelled(context);
                List<ImportRow> batch = rows;
                long first = ordinal;
                int from = 0;
                while (from < batch.size()) {
                    int start = from;
                    from = store.rehearse(tenantId, caller, tx -> rehearse(tx, batch, start, first, context, bad));
                }
                ordinal += batch.size();
                context.done(ordinal);
            }
            return source.ignoredColumns();
        }
    }

    /** @return the index after the last row tried: the batch's size, or earlier when the transaction broke */
    private int rehearse(TenantTransaction tx, List<ImportRow> batch, int from, long firstOrdinal, Progress context,
            BitSet bad) {
        applier.prepare(tx, batch.subList(from, batch.size()));
        for (int i = from; i < batch.size(); i++) {
            if (!applier.names(batch.get(i))) {
                fresh.set(Math.toIntExact(firstOrdinal + i));
            }
            ImportRow row = batch.get(i);
            try {
                if (!row.problems().isEmpty()) {
                    row.problems().forEach(p -> context.error(row.line(), null, p));
                    bad.set(Math.toIntExact(firstOrdinal + i));
                    continue;
                }
                applier.apply(tx, row);
            } catch (Problem p) {
                report(context, row, p);
                bad.set(Math.toIntExact(firstOrdinal + i));
            } catch (RuntimeException e) {
                context.error(row.line(), null, "cannot be written: " + e.getMessage());
                bad.set(Math.toIntExact(firstOrdinal + i));
                return i + 1;
            }
        }
        return batch.size();
    }

    private ImportEntity write(Path file, ImportEntity state, Progress context, BitSet bad, boolean partial)
            throws PluginCallFailed {
        long ordinal = 0;
        try (ImportSource source = open(file, state)) {
            for (List<ImportRow> batch = source.next(BATCH); !batch.isEmpty(); batch = source.next(BATCH)) {
                checkCancelled(context);
                long through = state.writtenThrough;
                List<ImportRow> todo = new ArrayList<>(batch.size());
                Set<ImportRow> known = Collections.newSetFromMap(new IdentityHashMap<>());
                for (ImportRow row : batch) {
                    if (row.line() > through && !bad.get(Math.toIntExact(ordinal)) && row.problems().isEmpty()) {
                        todo.add(row);
                        if (!fresh.get(Math.toIntExact(ordinal))) {
                            known.add(row);
                        }
                    } else if (row.line() > through && !row.problems().isEmpty() && bad.isEmpty()) {
                        row.problems().forEach(p -> context.error(row.line(), null, p)); // resumed: not yet reported
                    }
                    ordinal++;
                }
                long lastLine = batch.get(batch.size() - 1).line();
                if (lastLine > through) {
                    long skipped = batch.stream().filter(r -> r.line() > through).count() - todo.size();
                    state = writeBatch(todo, known::contains, lastLine, skipped, context, partial);
                }
                context.done(state.rowCount + state.rowsDone);
            }
        }
        return state;
    }

    /**
     * Writes the rows of one batch in one transaction, looking up the keys of the rows {@code mayExist} accepts; when
     * that fails, one row per transaction, each with every lookup, to find the bad (or the row another created
     * meanwhile, which becomes an update).
     */
    private ImportEntity writeBatch(List<ImportRow> rows, Predicate<ImportRow> mayExist, long lastLine, long skipped,
            Progress context, boolean partial) {
        try {
            return store.transaction(tenantId, caller, tx -> {
                long[] outcome = new long[3];
                tx.origin(origin());
                applier.prepare(tx, rows, mayExist);
                for (ImportRow row : rows) {
                    outcome[applier.apply(tx, row).ordinal()]++;
                }
                return checkpoint(tx, outcome, rows.size() + skipped, lastLine);
            });
        } catch (RuntimeException batchFailed) {
            ImportEntity state = null;
            for (int i = 0; i < rows.size(); i++) {
                ImportRow row = rows.get(i);
                long lineAfter = i == rows.size() - 1 ? lastLine : row.line();
                long extra = i == 0 ? skipped : 0;
                try {
                    state = store.transaction(tenantId, caller, tx -> {
                        long[] outcome = new long[3];
                        tx.origin(origin());
                        applier.prepare(tx, List.of(row));
                        outcome[applier.apply(tx, row).ordinal()]++;
                        return checkpoint(tx, outcome, 1 + extra, lineAfter);
                    });
                } catch (RuntimeException e) {
                    Problem p = e instanceof Problem problem ? problem
                            : new Problem(500, "write-failed", "Write failed", String.valueOf(e.getMessage()),
                                    List.of());
                    report(context, row, p);
                    if (!partial) {
                        change(s -> s.state = "HALTED");
                        throw new ImportRefused("Line " + row.line() + " could not be written although it was valid"
                                + " when checked (the data changed meanwhile): " + p.getMessage() + ". The rows"
                                + " before it were written and stay; fix the row and import the file again: it"
                                + " updates what is already in");
                    }
                    state = store.transaction(tenantId, caller, tx -> checkpoint(tx, new long[3], 1 + extra, lineAfter));
                }
            }
            return state == null ? store.transaction(tenantId, caller, tx -> checkpoint(tx, new long[3], skipped,
                    lastLine)) : state;
        }
    }

    /** @return the origin of the events this import's rows publish ({@link org.revos.api.event.RevosEvents#ORIGIN}) */
    private String origin() {
        return "import:" + importId;
    }

    private void refreshStatistics() {
        try {
            ImportEntity state = load();
            store.refreshStatistics(applier.schema().entityClass(), state.created);
        } catch (RuntimeException e) {
            // the rows are in; only the first queries on them may be slower until Derby measures the table itself
            java.util.logging.Logger.getLogger(ImportRun.class.getName()).log(java.util.logging.Level.WARNING,
                    "Could not refresh the statistics after import " + importId, e);
        }
    }

    private ImportEntity checkpoint(TenantTransaction tx, long[] outcome, long rowsDone, long lastLine) {
        ImportEntity s = tx.em().find(ImportEntity.class, importId);
        s.created += outcome[RowApplier.Outcome.CREATED.ordinal()];
        s.updated += outcome[RowApplier.Outcome.UPDATED.ordinal()];
        s.unchanged += outcome[RowApplier.Outcome.UNCHANGED.ordinal()];
        s.rowsDone += rowsDone;
        s.writtenThrough = lastLine;
        s.updatedAt = tx.now();
        return s;
    }

    private static void report(Progress context, ImportRow row, Problem p) {
        if (p.errors().isEmpty()) {
            context.error(row.line(), null, p.getMessage());
        }
        for (FieldError e : p.errors()) {
            context.error(row.line(), e.field(), e.message());
        }
    }

    private void checkCancelled(Progress context) {
        if (context.cancelled() || stopping.getAsBoolean()) {
            throw new IllegalStateException("The runtime is stopping; the import resumes with POST"
                    + " /api/v1/imports/{id}/resume after the next start");
        }
    }

    private ImportSource open(Path file, ImportEntity state) throws PluginCallFailed {
        return new ImportSource(gateway, importer, tenantId,
                ObjectType.valueOf(state.objectType), file, overrides, translation);
    }

    private ImportEntity load() {
        return store.query(tenantId, em -> em.find(ImportEntity.class, importId));
    }

    private void change(Consumer<ImportEntity> change) {
        store.transaction(tenantId, null, tx -> {
            ImportEntity s = tx.em().find(ImportEntity.class, importId);
            change.accept(s);
            s.updatedAt = tx.now();
            return null;
        });
    }

    /** An import that ends without writing (atomic mode with bad rows) or halts; its job fails saying so. */
    static final class ImportRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ImportRefused(String message) {
            super(message, null, false, false);
        }
    }
}
