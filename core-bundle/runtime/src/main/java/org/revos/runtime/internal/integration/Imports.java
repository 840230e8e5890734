package org.revos.runtime.internal.integration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.ObjectType;
import org.revos.api.query.RevosData;
import org.revos.api.security.Caller;
import org.revos.api.spi.Importer;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.objects.StageMoves;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.integration.mapping.ImportMappings;
import org.revos.runtime.internal.integration.mapping.MappingTally;
import org.revos.runtime.internal.integration.mapping.ValueMappings;
import org.revos.runtime.internal.integration.mapping.ValueTranslator;
import org.revos.runtime.internal.jobs.Jobs;
import org.revos.runtime.internal.json.Json;
import org.revos.runtime.internal.persistence.ImportEntity;
import org.revos.runtime.internal.persistence.JobEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.plugins.PluginServices;
import org.revos.runtime.internal.plugins.PluginServices.Contribution;
import org.revos.runtime.internal.plugins.TenantPlugins;
import org.revos.runtime.internal.settings.Settings;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Starts and resumes imports. The request body is spooled to a file under the data folder first, so an import
 * streams from disk in bounded memory whatever its size and can be resumed after a stop. At start, every import a
 * stopped runtime left unfinished is marked interrupted: its job says how many rows were written and that it can be
 * resumed, never that it is still running. Immediate, so that this happens at start, not at the first import.
 */
@Component(service = Imports.class, immediate = true)
public final class Imports {

    private static final Logger LOG = Logger.getLogger(Imports.class.getName());
    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
    };

    private final Store store;
    private final PluginGateway gateway;
    private final Jobs jobs;
    /** the stage engine's moves; absent while no stage engine runs (objects are then created without a stage) */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StageMoves stageMoves;
    private final RevosData data;
    private final PluginServices<Importer> importers;
    private final Formats<Importer> formats;
    private final ImportMappings mappings;
    private final Path spool;

    @Activate
    public Imports(@Reference Store store, @Reference PluginGateway gateway, @Reference TenantPlugins plugins,
            @Reference Jobs jobs, @Reference RevosData data,
            @Reference ImportMappings mappings, @Reference Settings settings) {
        this(store, gateway, plugins, jobs, data, mappings,
                settings.current().dataDir().resolve("imports"));
        jobs.recoverAlso(this::markInterrupted);
    }

    Imports(Store store, PluginGateway gateway, TenantPlugins plugins, Jobs jobs, RevosData data,
            ImportMappings mappings, Path spool) {
        this.store = store;
        this.gateway = gateway;
        this.jobs = jobs;
        this.data = data;
        this.importers = new PluginServices<>(plugins);
        this.formats = new Formats<>(importers, gateway, Importer::format, Importer::supports);
        this.mappings = mappings;
        this.spool = spool;
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
    JobEntity start(String tenantId, Caller caller, ObjectSchema<?> schema, Contribution<Importer> importer,
            ImportOptions options, InputStream body) throws IOException {
        Files.createDirectories(spool);
        Path file = Files.createTempFile(spool, "import-", ".csv");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            ImportSource.delete(file);
            throw e;
        }
        JobEntity job = store.write(tenantId, caller, tx -> {
            JobEntity j = jobs.record(tx, "import");
            ImportEntity state = new ImportEntity();
            state.id = j.id;
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
            return j;
        });
        jobs.start(tenantId, job.id, run(tenantId, caller, job.id, schema, importer, options));
        return job;
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
    JobEntity resume(String tenantId, Caller caller, String id) {
        ImportEntity state = store.read(tenantId, em -> id.length() > 40 ? null : em.find(ImportEntity.class, id));
        if (state == null) {
            throw Problem.notFound("import", id);
        }
        if (!"INTERRUPTED".equals(state.state)) {
            throw Problem.conflict("The import " + id + " is " + state.state + "; only an interrupted import"
                    + " resumes", List.of());
        }
        ObjectSchema<?> schema = Transfers.OBJECTS.stream()
                .filter(s -> s.type() == ObjectType.valueOf(state.objectType)).findFirst().orElseThrow();
        Contribution<Importer> importer = importer(tenantId, state.format, schema);
        Map<String, String> overrides = state.mappingJson == null ? Map.of()
                : Json.MAPPER.convertValue(FieldTypes.readTree(state.mappingJson), MAPPING);
        long through = state.writtenThrough;
        ValueMappings values = state.valueMappingsJson == null ? ValueMappings.none()
                : ValueMappings.fromJson(FieldTypes.readTree(state.valueMappingsJson));
        ImportOptions options = new ImportOptions(state.format, "PARTIAL".equals(state.mode), overrides,
                !"SKIP".equals(state.revenueEvents), values); // imports from before the option recorded revenue
        return jobs.resume(tenantId, caller, id, e -> e.path("line").asLong() <= through,
                run(tenantId, caller, id, schema, importer, options));
    }

    private <E extends TenantRow> ImportRun run(String tenantId, Caller caller, String id, ObjectSchema<E> schema,
            Contribution<Importer> importer, ImportOptions options) {
        // The stage engine asks the tenant's stage models once per transaction (a batch of rows), not once a row.
        RowApplier<E> applier = new RowApplier<>(schema, () -> stageMoves, options.recordRevenue());
        ValueTranslator translator = mappings.translator(tenantId, schema.type(), options.format(), options.values(),
                null);
        return new ImportRun(store, gateway, importer, tenantId, caller, id, applier, options.overrides(),
                translator::translate);
    }

    private void markInterrupted() {
        try {
            List<String> tenants = store.readPlatform(
                    em -> em.createQuery("SELECT t.id FROM TenantEntity t", String.class).getResultList());
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
            store.write(tenant, null, tx -> {
                List<ImportEntity> open = tx.em().createQuery("SELECT i FROM ImportEntity i WHERE i.state IN"
                        + " ('QUEUED', 'VALIDATING', 'WRITING')", ImportEntity.class).getResultList();
                for (ImportEntity i : open) {
                    i.state = "INTERRUPTED";
                    i.updatedAt = tx.now();
                    JobEntity job = tx.em().find(JobEntity.class, i.id);
                    if (job != null) {
                        job.status = "FAILED";
                        job.detail = interruptedDetail(i);
                        job.resultJson = FieldTypes.writeJson(Map.of("resumable", true, "rowsWritten",
                                i.created + i.updated + i.unchanged, "writtenThroughLine", i.writtenThrough));
                        job.finishedAt = tx.now();
                        job.updatedAt = tx.now();
                    }
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
