package org.revos.integration.csv.internal;

import java.util.EnumSet;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.revos.api.model.ObjectType;
import org.revos.api.spi.Exporter;
import org.revos.api.spi.Importer;

/**
 * RevOS's own CSV: one column per field under its API name, plus {@code id} and {@code externalId}. What an export
 * writes, an import reads back unchanged.
 */
@Component(service = { Importer.class, Exporter.class })
public final class NativeCsv extends CsvFormat {

    public NativeCsv() {
        super("native", Map.of(), EnumSet.of(ObjectType.USER, ObjectType.ACCOUNT, ObjectType.CONTACT,
                ObjectType.LEAD, ObjectType.DEAL, ObjectType.ACTIVITY, ObjectType.REVENUE_EVENT));
    }
}
