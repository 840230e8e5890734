package org.revos.integration.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.revos.api.spi.ImportRow;
import org.revos.api.spi.Importer;
import org.revos.integration.internal.ImportPreviewReport.Columns;
import org.revos.integration.internal.ImportPreviewReport.Mapped;
import org.revos.integration.internal.ImportPreviewReport.RowProblem;
import org.revos.integration.internal.ImportPreviewReport.Unmapped;
import org.revos.integration.internal.mapping.MappingTally;
import org.revos.integration.internal.mapping.ValueTranslator;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.objects.ObjectSchema;

/**
 * A dry run: reads a file through its importer and the value mappings, row by row in bounded memory, and reports
 * what the import would read and what every source value would become. It writes nothing, not even the file.
 */
final class ImportPreview {

    /** row problems a report lists */
    static final int PROBLEMS = 100;

    private ImportPreview() {
    }

    static ImportPreviewReport run(PluginCalls gateway, Contribution<Importer> importer, String tenantId,
            ObjectSchema<?> schema, String format, Map<String, String> overrides, ValueTranslator translator,
            MappingTally tally, InputStream body) throws PluginCallFailed {
        long rows = 0;
        long bad = 0;
        List<RowProblem> problems = new ArrayList<>();
        try (ImportSource source = ImportSource.of(gateway, importer, tenantId, schema.type(), body, overrides,
                translator::translate)) {
            for (List<ImportRow> batch = source.next(ImportRun.BATCH); !batch.isEmpty();
                    batch = source.next(ImportRun.BATCH)) {
                for (ImportRow row : batch) {
                    rows++;
                    if (!row.problems().isEmpty()) {
                        bad++;
                        row.problems().stream().limit(Math.max(0, PROBLEMS - problems.size()))
                                .forEach(p -> problems.add(new RowProblem(row.line(), p)));
                    }
                }
            }
            Columns columns = new Columns(source.usedColumns(), source.ignoredColumns());
            return report(schema, format, rows, bad, columns, tally, problems);
        }
    }

    private static ImportPreviewReport report(ObjectSchema<?> schema, String format, long rows, long bad,
            Columns columns, MappingTally tally, List<RowProblem> problems) {
        List<Unmapped> unmapped = new ArrayList<>();
        List<Mapped> mapped = new ArrayList<>();
        for (MappingTally.Seen seen : tally.all()) {
            if (seen.resolution().mapped()) {
                mapped.add(new Mapped(seen.kind().key(), seen.value(), seen.resolution().target(),
                        seen.resolution().by(), seen.count()));
            } else {
                unmapped.add(new Unmapped(seen.kind().key(), seen.value(), seen.count(), seen.resolution().by()));
            }
        }
        Map<String, Long> truncated = new LinkedHashMap<>();
        tally.overflow().forEach((kind, count) -> truncated.put(kind.key(), count));
        return new ImportPreviewReport(schema.path(), format, true, rows, bad, columns, unmapped, mapped, problems,
                truncated);
    }
}
