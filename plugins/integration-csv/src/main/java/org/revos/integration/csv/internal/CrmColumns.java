package org.revos.integration.csv.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.revos.api.model.ObjectType;

/**
 * The default column mappings of HubSpot's and Salesforce's standard CSV exports. Columns a CRM exports that RevOS
 * has no field for (phone numbers, lifecycle stages, owners by name) are not imported; a request's {@code map=}
 * parameters can add or change any of them. CRM stage and deal-type values are not RevOS ids, so they are not mapped
 * by default either.
 */
final class CrmColumns {

    private CrmColumns() {
    }

    static Map<ObjectType, ColumnMap> hubSpot() {
        Map<ObjectType, ColumnMap> out = new LinkedHashMap<>();
        out.put(ObjectType.ACCOUNT, map("Record ID", "externalId", "Company name", "name",
                "Company Domain Name", "domain", "Country/Region", "country", "Number of Employees", "employees",
                "Industry", "industry"));
        out.put(ObjectType.CONTACT, map("Record ID", "externalId", "First Name", "name", "Last Name", "name",
                "Email", "email", "Job Title", "title", "Associated Company IDs (Primary)", "accountId"));
        out.put(ObjectType.LEAD, map("Record ID", "externalId", "First Name", "name", "Last Name", "name",
                "Email", "email", "Company Name", "company", "Country/Region", "country",
                "Number of Employees", "employees", "Job Title", "title", "Original Source", "source"));
        out.put(ObjectType.DEAL, map("Record ID", "externalId", "Deal Name", "name",
                "Associated Company IDs (Primary)", "accountId", "Amount", "arr", "Close Date", "closeDate",
                "Closed Lost Reason", "lossReason"));
        return out;
    }

    static Map<ObjectType, ColumnMap> salesforce() {
        Map<ObjectType, ColumnMap> out = new LinkedHashMap<>();
        out.put(ObjectType.ACCOUNT, map("Account ID", "externalId", "Account Name", "name", "Website", "domain",
                "Billing Country", "country", "Employees", "employees", "Industry", "industry"));
        out.put(ObjectType.CONTACT, map("Contact ID", "externalId", "First Name", "name", "Last Name", "name",
                "Email", "email", "Title", "title", "Account ID", "accountId"));
        out.put(ObjectType.LEAD, map("Lead ID", "externalId", "First Name", "name", "Last Name", "name",
                "Email", "email", "Company", "company", "Country", "country", "No. of Employees", "employees",
                "Title", "title", "Lead Source", "source"));
        out.put(ObjectType.DEAL, map("Opportunity ID", "externalId", "Opportunity Name", "name",
                "Account ID", "accountId", "Amount", "arr", "Close Date", "closeDate"));
        return out;
    }

    private static ColumnMap map(String... columnsAndFields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndFields.length; i += 2) {
            m.put(columnsAndFields[i], columnsAndFields[i + 1]);
        }
        return new ColumnMap(m);
    }
}
