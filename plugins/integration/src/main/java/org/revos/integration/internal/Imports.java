package org.revos.integration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.ObjectType;
import org.revos.api.security.Caller;
import org.revos.api.spi.Importer;
import org.revos.integration.internal.mapping.EngineJson;
import org.revos.integration.internal.mapping.ImportMappings;
import org.revos.integration.internal.mapping.MappingTally;
import org.revos.integration.internal.mapping.ValueMappings;
import org.revos.integration.internal.mapping.ValueTranslator;
import org.revos.kernel.spi.Contributions;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.EngineFiles;
import org.revos.kernel.spi.JobRunner;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.objects.StageMoves;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Starts and resumes imports. The request body is spooled to a file under the data folder first, so an import
 * streams from disk in bounded memory whatever its size and can be resumed after a stop. At start, every import a
 * stopped runtime left unfinished is marked interrupted: its job says how many rows were written and that it can be
 * resumed, never that it is still running (after the kernel's own recovery of jobs, through
 * {@link JobRunner#afterRecovery}); the same happens when the engine starts again after an update or removal, whose
 * stop ended its running imports between two batches. Immediate, so that this happens at start, not at the first
 * import.
 */
@Component(service = Imports.class, immediate = true)
public final class Imports {

    private static final Logger LOG = Logger.getLogger(Imports.class.getName());
    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
    };

    /** how long a stopping engine waits for its running imports to reach the end of a batch */
    private static final long STOP_WAIT_MS = 20_000;

    private final TenantStore store;
    private final PluginCalls gateway;
    private final JobRunner jobs;
    private final ObjectCollections objects;
    /** the stage engine's moves; absent while no stage engine runs (objects are then created without a stage) */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StageMoves stageMoves;
    private final Contributions<Importer> importers;
    private final Formats<Importer> formats;
    private final ImportMappings mappings;
    private final Path spool;
    private volatile boolean stopping;
    /** imports running on the kernel's job threads with this engine's code */
    private final AtomicInteger running = new AtomicInteger();

    @Activate
    public Imports(@Reference TenantStore store, @Reference PluginCalls gateway, @Reference JobRunner jobs,
            @Reference ObjectCollections objects, @Reference ImportMappings mappings, @Reference EngineFiles files)
            throws IOException {
        this(store, gateway, jobs, objects, mappings, files.folder("imports"));
        jobs.afterRecovery(this::markInterrupted);
    }

    Imports(TenantStore store, PluginCalls gateway, JobRunner jobs, ObjectCollections objects,
            ImportMappings mappings, Path spool) {
        this.store = store;
        this.gateway = gateway;
        this.jobs = jobs;
        this.objects = objects;
        this.importers = new Contributions<>(gateway);
        this.formats = new Formats<>(importers, gateway, Importer::format, Importer::supports);
        this.mappings = mappings;
        this.spool = spool;
    }

    /**
     * Ends the running imports between two batches, each resumable (the next start of the engine marks them
     * interrupted), and waits a while for them: code of a stopped bundle must not go on writing.
     */
    @Deactivate
    void stop() throws InterruptedException {
        stopping = true;
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MS);
        while (running.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        if (running.get() > 0) {
            LOG.warning(() -> running.get() + " import(s) did not reach the end of a batch within " + STOP_WAIT_MS
                    + " ms of the engine stopping");
        }
    }

    /** @return the kernel's collections, for the resources */
    ObjectCollections objects() {
        return objects;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addImporter(ServiceReference<Importer> ref, Importer importer) {
        importers.add(ref, importer);
    }

    void removeImporter(ServiceReference<Importer> ref) {
        importers.remove(ref);
    }

    /** @throws Problem 400 when no enabled plugin imports {@code format} for the object */
    Contribution<Importer> importer(String tenantId, String format, ObjectSchema<?> schema) {
        return formats.find(tenantId, format, schema.type()).orElseThrow(() -> Problem.invalid("format", "'" + format
                + "' is not an import format for " + schema.path() + " of this tenant; available: "
                + formats.names(tenantId, schema.type())));
    }

    /** @throws Problem 404 when no enabled plugin imports {@code format} for any object of this tenant */
    void requireFormat(String tenantId, String format) {
        boolean offered = java.util.Arrays.stream(ObjectType.values())
                .anyMatch(type -> formats.names(tenantId, type).contains(format));
        if (!offered) {
            throw Problem.notFound("import format", format);
        }
    }

    /** Spools {@code body} and queues the import job. */
    JobRunner.Accepted start(String tenantId, Caller caller, ObjectSchema<?> schema, Contribution<Importer> importer,
            ImportOptions options, InputStream body) throws IOException {
        Files.createDirectories(spool);
        Path file = Files.createTempFile(spool, "import-", ".csv");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            ImportSource.delete(file);
            throw e;
        }
        String job;
        try {
            job = store.transaction(tenantId, caller, tx -> {
                String id = jobs.record(tx, "import");
                ImportEntity state = new ImportEntity();
                state.id = id;
                state.objectType = schema.type().name();
                state.format = options.format();
                state.mode = options.partial() ? "PARTIAL" : "ATOMIC";
                state.mappingJson = FieldTypes.writeJson(options.overrides());
                state.valueMappingsJson = FieldTypes.writeJson(options.values().toJson());
                state.revenueEvents = options.recordRevenue() ? "RECORD" : "SKIP";
                state.sourcePath = file.toAbsolutePath().toString();
                state.state = "QUEUED";
                state.createdAt = tx.now();
                state.updatedAt = tx.now();
                tx.em().persist(state);
                return id;
            });
        } catch (RuntimeException e) {
            ImportSource.delete(file); // no import refers to it
            throw e;
        }
        return jobs.start(tenantId, job, run(tenantId, caller, job, schema, importer, options));
    }

    /** Reads {@code body} as the import would, through the value mappings, and reports it; writes nothing. */
    ImportPreviewReport preview(String tenantId, ObjectSchema<?> schema, Contribution<Importer> importer,
            ImportOptions options, InputStream body) {
        MappingTally tally = new MappingTally();
        ValueTranslator translator = mappings.translator(tenantId, schema.type(), options.format(), options.values(),
                tally);
        try {
            return ImportPreview.run(gateway, importer, tenantId, schema, options.format(), options.overrides(),
                    translator, tally, body);
        } catch (PluginCallFailed e) {
            throw Problem.unprocessable("Dry run failed", "The " + options.format() + " importer could not read"
                    + " the file: " + e.getMessage(), List.of());
        }
    }

    /** @return the tenant's value mappings checked against what they map onto, for a request's overrides */
    ImportMappings mappings() {
        return mappings;
    }

    /** @throws Problem 404 for an unknown import, 409 when it is not interrupted */
    JobRunner.Accepted resume(String tenantId, Caller caller, String id) {
        ImportEntity state = store.query(tenantId, em -> id.length() > 40 ? null : em.find(ImportEntity.class, id));
        if (state == null) {
            throw Problem.notFound("import", id);
        }
        if (!"INTERRUPTED".equals(state.state)) {
            throw Problem.conflict("The import " + id + " is " + state.state + "; only an interrupted import"
                    + " resumes", List.of());
        }
        ObjectSchema<?> schema = Transfers.of(objects, ObjectType.valueOf(state.objectType));
        Contribution<Importer> importer = importer(tenantId, state.format, schema);
        Map<String, String> overrides = state.mappingJson == null ? Map.of()
                : EngineJson.MAPPER.convertValue(FieldTypes.readTree(state.mappingJson), MAPPING);
        long through = state.writtenThrough;
        ValueMappings values = state.valueMappingsJson == null ? ValueMappings.none()
                : ValueMappings.fromJson(FieldTypes.readTree(state.valueMappingsJson));
        ImportOptions options = new ImportOptions(state.format, "PARTIAL".equals(state.mode), overrides,
                !"SKIP".equals(state.revenueEvents), values); // imports from before the option recorded revenue
        JobRunner.Accepted resumed = jobs.resume(tenantId, caller, id, e -> e.path("line").asLong() <= through,
                run(tenantId, caller, id, schema, importer, options));
        if (resumed == null) {
            throw Problem.notFound("import", id);
        }
        return resumed;
    }

    private <E extends TenantRow> JobRunner.Work run(String tenantId, Caller caller, String id,
            ObjectSchema<E> schema, Contribution<Importer> importer, ImportOptions options) {
        // The stage engine asks the tenant's stage models once per transaction (a batch of rows), not once a row.
        RowApplier<E> applier = new RowApplier<>(objects, schema, () -> stageMoves, options.recordRevenue());
        ValueTranslator translator = mappings.translator(tenantId, schema.type(), options.format(), options.values(),
                null);
        ImportRun work = new ImportRun(store, gateway, importer, tenantId, caller, id, applier, options.overrides(),
                translator::translate, () -> stopping);
        return progress -> {
            running.incrementAndGet();
            try {
                if (stopping) {
                    throw new IllegalStateException("The integration engine stopped before the import began; it"
                            + " resumes with POST /api/v1/imports/" + id + "/resume once the engine is back");
                }
                return work.run(progress);
            } finally {
                running.decrementAndGet();
            }
        };
    }

    private void markInterrupted() {
        try {
            List<String> tenants = store.tenantIds();
            for (String tenant : tenants) {
                markInterrupted(tenant, 3);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not mark interrupted imports", e);
        }
    }

    /** Retried on a conflict: a job's row may be written at the same moment. */
    private void markInterrupted(String tenant, int attempts) {
        try {
            store.transaction(tenant, null, tx -> {
                List<ImportEntity> open = tx.em().createQuery("SELECT i FROM ImportEntity i WHERE i.state IN"
                        + " ('QUEUED', 'VALIDATING', 'WRITING')", ImportEntity.class).getResultList();
                for (ImportEntity i : open) {
                    i.state = "INTERRUPTED";
                    i.updatedAt = tx.now();
                    jobs.interrupted(tx, i.id, interruptedDetail(i), FieldTypes.readTree(FieldTypes.writeJson(
                            Map.of("resumable", true, "rowsWritten", i.created + i.updated + i.unchanged,
                                    "writtenThroughLine", i.writtenThrough))));
                }
                return null;
            });
        } catch (Problem conflict) {
            if (conflict.status() != 409 || attempts <= 1) {
                throw conflict;
            }
            markInterrupted(tenant, attempts - 1);
        }
    }

    private static String interruptedDetail(ImportEntity i) {
        long written = i.created + i.updated + i.unchanged;
        String how = written == 0 && i.writtenThrough == 0 ? "before any row was written: nothing was imported"
                : "after " + written + " rows (through line " + i.writtenThrough + ") were written; the rest is"
                        + " not in";
        return "interrupted: the runtime stopped " + how + ". POST /api/v1/imports/" + i.id + "/resume to finish it";
    }
}
