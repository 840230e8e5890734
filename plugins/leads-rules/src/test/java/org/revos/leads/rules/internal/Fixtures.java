package org.revos.leads.rules.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.revos.api.leads.FilterContext;
import org.revos.api.leads.Signal;
import org.revos.api.leads.SignUp;
import org.revos.testkit.Leads;

/** The inputs the engine would hand the rules, in the shapes these tests write most; built by the RevOS test kit. */
final class Fixtures {

    static final Instant NOW = Leads.NOW;

    private Fixtures() {
    }

    static SignUp signUp(String email, String country, Integer employees, String title, List<Signal> signals) {
        return Leads.signUp(email).country(country).employees(employees).title(title).signals(signals).build();
    }

    static FilterContext known(Set<String> freeMail, Set<String> customers, Set<String> emails, Set<String> domains,
            Map<String, Object> settings) {
        return Leads.filterContext().freeMail(freeMail.toArray(String[]::new))
                .customer(customers.toArray(String[]::new)).knownEmail(emails.toArray(String[]::new))
                .knownDomain(domains.toArray(String[]::new)).settings(settings).build();
    }
}
