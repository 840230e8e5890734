package org.revos.integration.csv.internal;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.Exporter;
import org.revos.api.spi.Importer;

/** The columns of HubSpot's standard exports of companies, contacts and deals (and contacts as leads). */
@Component(service = { Importer.class, Exporter.class })
public final class HubSpotCsv extends CsvFormat {

    public HubSpotCsv() {
        super("hubspot", CrmColumns.hubSpot(), CrmColumns.hubSpot().keySet());
    }
}
