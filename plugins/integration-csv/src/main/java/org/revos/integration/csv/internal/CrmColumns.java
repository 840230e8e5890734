package org.revos.integration.csv.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.revos.api.model.ObjectType;

/**
 * The default column mappings of HubSpot's and Salesforce's standard CSV exports. Stages, deal types, owners and loss
 * reasons are read as the CRM writes them ("Closed Won", "existingbusiness", "Jane Doe"); the runtime's value mappings
 * turn them into the tenant's stage ids, deal types, user ids and loss-reason codes. The columns that tell a custom
 * stage's meaning (won, closed, probability) feed the source hints {@code stageWon}, {@code stageClosed},
 * {@code stageProbability} (0 to 1) and {@code stageProbabilityPercent} (0 to 100), and lifecycle stages of
 * companies and contacts feed {@code lifecycleStage}: no RevOS field, read only by the value mappings. Columns a CRM
 * exports that RevOS has no field for (phone numbers, say) are not imported; a request's {@code map=} parameters can
 * add or change any of them.
 */
final class CrmColumns {

    private CrmColumns() {
    }

    static Map<ObjectType, ColumnMap> hubSpot() {
        Map<ObjectType, ColumnMap> out = new LinkedHashMap<>();
        out.put(ObjectType.ACCOUNT, map("Record ID", "externalId", "Company name", "name",
                "Company Domain Name", "domain", "Country/Region", "country", "Number of Employees", "employees",
                "Industry", "industry", "Company owner", "ownerId", "Lifecycle Stage", "lifecycleStage"));
        out.put(ObjectType.CONTACT, map("Record ID", "externalId", "First Name", "name", "Last Name", "name",
                "Email", "email", "Job Title", "title", "Associated Company IDs (Primary)", "accountId",
                "Lifecycle Stage", "lifecycleStage"));
        out.put(ObjectType.LEAD, map("Record ID", "externalId", "First Name", "name", "Last Name", "name",
                "Email", "email", "Company Name", "company", "Country/Region", "country",
                "Number of Employees", "employees", "Job Title", "title", "Original Source", "source",
                "Contact owner", "ownerId", "Lifecycle Stage", "stage"));
        out.put(ObjectType.DEAL, map("Record ID", "externalId", "Deal Name", "name",
                "Associated Company IDs (Primary)", "accountId", "Amount", "arr", "Close Date", "closeDate",
                "Deal Stage", "stage", "Deal Type", "type", "Deal owner", "ownerId", "Closed Lost Reason",
                "lossReason", "Is Closed Won", "stageWon", "Is Deal Closed?", "stageClosed", "Deal probability",
                "stageProbability"));
        return out;
    }

    static Map<ObjectType, ColumnMap> salesforce() {
        Map<ObjectType, ColumnMap> out = new LinkedHashMap<>();
        out.put(ObjectType.ACCOUNT, map("Account ID", "externalId", "Account Name", "name", "Website", "domain",
                "Billing Country", "country", "Employees", "employees", "Industry", "industry",
                "Account Owner", "ownerId"));
        out.put(ObjectType.CONTACT, map("Contact ID", "externalId", "First Name", "name", "Last Name", "name",
                "Email", "email", "Title", "title", "Account ID", "accountId"));
        out.put(ObjectType.LEAD, map("Lead ID", "externalId", "First Name", "name", "Last Name", "name",
                "Email", "email", "Company", "company", "Country", "country", "No. of Employees", "employees",
                "Title", "title", "Lead Source", "source", "Lead Owner", "ownerId", "Lead Status", "stage"));
        out.put(ObjectType.DEAL, map("Opportunity ID", "externalId", "Opportunity Name", "name",
                "Account ID", "accountId", "Amount", "arr", "Close Date", "closeDate", "Stage", "stage",
                "Type", "type", "Opportunity Owner", "ownerId", "Loss Reason", "lossReason", "Won", "stageWon",
                "Closed", "stageClosed", "Probability (%)", "stageProbabilityPercent"));
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
