package org.revos.integration.csv.internal;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.Exporter;
import org.revos.api.spi.Importer;

/** The columns of Salesforce's standard exports of accounts, contacts, leads and opportunities. */
@Component(service = { Importer.class, Exporter.class })
public final class SalesforceCsv extends CsvFormat {

    public SalesforceCsv() {
        super("salesforce", CrmColumns.salesforce(), CrmColumns.salesforce().keySet());
    }
}
