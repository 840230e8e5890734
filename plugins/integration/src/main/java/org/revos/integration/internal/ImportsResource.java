package org.revos.integration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;
import org.revos.api.spi.Importer;
import org.revos.integration.internal.mapping.MappingDocuments;
import org.revos.integration.internal.mapping.MappingRules;
import org.revos.integration.internal.mapping.SourceHints;
import org.revos.integration.internal.mapping.ValueKind;
import org.revos.integration.internal.mapping.ValueMappings;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.Described;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.ResponseStatus;
import org.revos.kernel.spi.rest.RevosResources;
import org.revos.kernel.spi.rest.SchemaFrom;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/imports?object=&format=&mode=&map=&revenueEvents=&dryRun=}: a CSV body imported as a job (202);
 * the job's errors list every bad row by its physical line (the header is line 1). {@code map=Column=field}
 * (repeatable) overrides the format's column mapping; {@code map=Column=} ignores a column. {@code mapStage=},
 * {@code mapLifecycleStage=}, {@code mapDealType=}, {@code mapLossReason=} and {@code mapOwner=} (each repeatable,
 * {@code Source value=target}) override the tenant's value mappings for this import. {@code dryRun=true} answers 200
 * with what the import would read and what every value would become, writing nothing.
 * {@code POST /api/v1/imports/{id}/resume} finishes an import a runtime stop interrupted.
 */
@Component(service = ImportsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportsResource {

    private static final Set<String> PARAMETERS = parameters();
    private static final Set<String> ROW_KEYS = rowKeys();

    private final Imports imports;

    @Activate
    public ImportsResource(@Reference Imports imports) {
        this.imports = imports;
    }

    static ObjectNode objectSchema() {
        return Transfers.objectSchema();
    }

    static ObjectNode formatSchema() {
        return Transfers.formatSchema();
    }

    static ObjectNode modeSchema() {
        return JsonSchemas.oneOf(List.of("atomic", "partial"));
    }

    static ObjectNode revenueEventsSchema() {
        return JsonSchemas.oneOf(List.of("record", "skip"));
    }

    static ObjectNode dryRunSchema() {
        return JsonSchemas.oneOf(List.of("true", "false"));
    }

    @POST
    @Consumes({ "text/csv", MediaType.WILDCARD }) // the CSV file, whatever Content-Type the client sent
    public Response start(InputStream body,
            @QueryParam("object") @SchemaFrom("objectSchema") @Described("What the rows are: accounts, contacts, leads, deals, activities,"
                    + " revenue-events or users. Required.") String object,
            @QueryParam("format") @DefaultValue("native") @SchemaFrom("formatSchema") @Described("The column shape: native (RevOS's own export),"
                    + " hubspot, salesforce, or another format a plugin provides; GET /exports lists them per"
                    + " object.") String format,
            @QueryParam("mode") @DefaultValue("atomic") @SchemaFrom("modeSchema") @Described("atomic: one bad row and nothing is written."
                    + " partial: the good rows are written and every bad one is reported.") String mode,
            @QueryParam("map") @Described("Column=field, repeatable: maps a source column onto a field over the"
                    + " format's mapping; Column= ignores the column.") List<String> map,
            @QueryParam("revenueEvents") @DefaultValue("record") @SchemaFrom("revenueEventsSchema") @Described("record: a deal placed in a won or"
                    + " churned stage records its revenue event, as a move through the API does. skip: it does not;"
                    + " use it when the revenue events come in their own import, or they count twice.")
            String revenueEvents,
            @QueryParam("dryRun") @DefaultValue("false") @SchemaFrom("dryRunSchema") @Described("true: answer 200 with the rows, the columns"
                    + " read and ignored, every distinct value that maps onto nothing (with its count) and what each"
                    + " mapped value becomes, writing nothing. false (the default): 202 with the import job.")
            String dryRun,
            @QueryParam("mapStage") @Described("Source value=stage id, repeatable: maps a deal stage for this"
                    + " import, over the tenant's mappings (GET /imports/mappings/{format}).") List<String> mapStage,
            @QueryParam("mapLifecycleStage") @Described("Source value=stage id of the lead lifecycle, repeatable:"
                    + " maps a lead's, contact's or company's lifecycle stage (or lead status).")
            List<String> mapLifecycleStage,
            @QueryParam("mapDealType") @Described("Source value=NEW_BUSINESS|EXPANSION|CROSS_SELL|RENEWAL|"
                    + "CONTRACTION, repeatable: maps a deal type.") List<String> mapDealType,
            @QueryParam("mapLossReason") @Described("Source text=loss-reason code, repeatable; *=CODE also fills"
                    + " the empty reason of a lost deal.") List<String> mapLossReason,
            @QueryParam("mapOwner") @Described("Owner name or e-mail=user id or e-mail, repeatable; Name= imports"
                    + " without an owner; *=user maps every owner no user matches.") List<String> mapOwner,
            @Context UriInfo uri, @Context SecurityContext security) throws IOException {
        Caller caller = (Caller) security.getUserPrincipal();
        Map<String, List<String>> query = uri.getQueryParameters();
        Violations v = new Violations();
        Transfers.unknownParameters(query, PARAMETERS, v);
        ObjectSchema<?> schema = Transfers.object(imports.objects(), Transfers.text(object), v);
        boolean partial = "partial".equals(mode);
        if (!partial && !"atomic".equals(mode)) {
            v.add("mode", "must be atomic (the default: one bad row and nothing is written) or partial (the good"
                    + " rows are written, every bad one reported)");
        }
        if (!"record".equals(revenueEvents) && !"skip".equals(revenueEvents)) {
            v.add("revenueEvents", "must be record (the default: a deal placed in a won or churned stage records"
                    + " its revenue event) or skip (the revenue events come in their own import)");
        }
        if (!"true".equals(dryRun) && !"false".equals(dryRun)) {
            // anything else would start a real import for a caller who meant to preview one
            v.add("dryRun", "must be true (report what the import would do, writing nothing) or false (the default:"
                    + " import)");
        }
        Map<String, String> overrides = schema == null ? Map.of() : overrides(map, schema, v);
        ValueMappings values = MappingDocuments.fromQuery(Map.of(ValueKind.STAGES, mapStage,
                ValueKind.LIFECYCLE_STAGES, mapLifecycleStage, ValueKind.DEAL_TYPES, mapDealType,
                ValueKind.LOSS_REASONS, mapLossReason, ValueKind.OWNERS, mapOwner), v);
        v.throwIfAny();
        Contribution<Importer> importer = imports.importer(caller.tenantId(), Transfers.format(format), schema);
        if (!values.isEmpty()) {
            MappingRules.check(values, imports.mappings().targets(caller.tenantId()), MappingDocuments.queryFields());
        }
        ImportOptions options = new ImportOptions(Transfers.format(format), partial, overrides,
                "record".equals(revenueEvents), values);
        if ("true".equals(dryRun)) {
            return Response.ok(imports.preview(caller.tenantId(), schema, importer, options, body),
                    MediaType.APPLICATION_JSON).build();
        }
        return imports.start(caller.tenantId(), caller, schema, importer, options, body).response();
    }

    @POST
    @Path("{id}/resume")
    @ResponseStatus(202)
    public Response resume(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        return imports.resume(caller.tenantId(), caller, id).response();
    }

    private static Set<String> parameters() {
        Set<String> out = new java.util.HashSet<>(Set.of("object", "format", "mode", "map", "revenueEvents",
                "dryRun"));
        for (ValueKind kind : ValueKind.values()) {
            out.add(kind.parameter());
        }
        return Set.copyOf(out);
    }

    private static Set<String> rowKeys() {
        Set<String> out = new java.util.HashSet<>(Set.of("id", "externalId", ""));
        out.addAll(SourceHints.ALL);
        return Set.copyOf(out);
    }

    private static Map<String, String> overrides(List<String> maps, ObjectSchema<?> schema, Violations v) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String map : maps == null ? List.<String>of() : maps) {
            int eq = map.lastIndexOf('=');
            if (eq <= 0) {
                v.add("map", "'" + map + "' must be Column=field, such as map=Company%20name=name");
                continue;
            }
            String field = map.substring(eq + 1).trim();
            if (!ROW_KEYS.contains(field) && schema.field(field).isEmpty()) {
                v.add("map", "'" + field + "' is not a field of " + schema.withArticle() + "; use id, externalId, "
                        + String.join(", ", schema.fields().stream().map(f -> f.name()).toList())
                        + ", a source hint (" + String.join(", ", new java.util.TreeSet<>(SourceHints.ALL))
                        + "), or nothing to ignore the column");
                continue;
            }
            out.put(map.substring(0, eq).trim(), field);
        }
        return out;
    }
}
