package org.revos.leads.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.revos.api.leads.FilterContext;
import org.revos.api.leads.FilterVerdict;
import org.revos.api.leads.SignUp;
import org.revos.api.model.ObjectType;
import org.revos.testkit.Leads;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class DefaultFiltersTest {

    private static final Map<String, Object> SETTINGS = Map.of("allowedCountries", List.of("US", "DE"), "partners",
            Map.of("BR", "partner-latam"), "minEmployees", 50);
    private final DefaultFilters filters = new DefaultFilters();

    private FilterVerdict check(SignUp up, FilterContext known) {
        return filters.check(up, known);
    }

    private static FilterContext known(Set<String> emails, Set<String> domains, Set<String> customers) {
        return Fixtures.known(Set.of("gmail.com"), customers, emails, domains, SETTINGS);
    }

    @Test
    void eachRuleSendsToItsFallbackAndTheFirstFailingRuleDecides() {
        FilterContext none = known(Set.of(), Set.of(), Set.of());
        assertTrue(check(Fixtures.signUp("a@acme.com", "US", 60, null, List.of()), none).passed());
        assertEquals("country self-serve", verdict(check(Fixtures.signUp("a@acme.com", "FR", 60, null, List.of()), none)));
        assertEquals("country-partner partner-latam", verdict(check(Fixtures.signUp("a@acme.com", "BR", 60, null, List.of()),
                none)));
        assertEquals("country self-serve", verdict(check(Fixtures.signUp("a@acme.com", null, 60, null, List.of()), none)));
        assertEquals("company-size self-serve", verdict(check(Fixtures.signUp("a@acme.com", "US", 49, null, List.of()), none)));
        assertEquals("company-size self-serve", verdict(check(Fixtures.signUp("a@acme.com", "US", null, null, List.of()),
                none)), "an unknown size fails a minimum");
        assertEquals("free-mail self-serve", verdict(check(Fixtures.signUp("a@gmail.com", "US", 500, null, List.of()), none)));
        assertEquals("existing-customer existing-customer", verdict(check(Fixtures.signUp("a@acme.com", "BR", 1, null,
                List.of()), known(Set.of(), Set.of(), Set.of("acme.com")))), "the customer rule comes first");
        assertEquals("duplicate-email duplicate", verdict(check(Fixtures.signUp("a@gmail.com", "US", 500, null, List.of()),
                known(Set.of("a@gmail.com"), Set.of(), Set.of()))));
        assertEquals("duplicate-domain duplicate", verdict(check(Fixtures.signUp("b@acme.com", "US", 500, null, List.of()),
                known(Set.of(), Set.of("acme.com"), Set.of()))));
        assertEquals("free-mail self-serve", verdict(check(Fixtures.signUp("b@gmail.com", "US", 500, null, List.of()),
                known(Set.of(), Set.of("gmail.com"), Set.of()))), "free mail is no company domain");
        FilterVerdict v = check(Fixtures.signUp("a@acme.com", "BR", 60, null, List.of()), none);
        assertEquals("BR is not an allowed country; its partner is partner-latam", v.reason());
    }

    /**
     * A context whose tenant has leads, contacts and accounts intake did not make: contact con_1 has ann@acme.com,
     * lead lead_1 bo@gmail.com and the domains initech.com and gmail.com, account acc_1 the domain acme.com.
     */
    private static FilterContext withObjects(Set<String> seenEmails, Set<String> customers,
            Map<String, Object> settings) {
        return Leads.filterContext().freeMail("gmail.com").knownEmail(seenEmails.toArray(String[]::new))
                .customer(customers.toArray(String[]::new)).settings(settings)
                .existingEmail("ann@acme.com", ObjectType.CONTACT, "con_1")
                .existingEmail("bo@gmail.com", ObjectType.LEAD, "lead_1")
                .existingDomain("acme.com", ObjectType.ACCOUNT, "acc_1")
                .existingDomain("initech.com", ObjectType.LEAD, "lead_1")
                .existingDomain("gmail.com", ObjectType.LEAD, "lead_1").build();
    }

    @Test
    void aLeadContactOrAccountIntakeDidNotMakeIsADuplicateNamedByTheRuleThatMatched() {
        FilterContext objects = withObjects(Set.of(), Set.of(), SETTINGS);
        FilterVerdict byEmail = check(Fixtures.signUp("ann@acme.com", "US", 500, null, List.of()), objects);
        assertEquals("duplicate-contact-email duplicate", verdict(byEmail));
        assertEquals("ann@acme.com is the e-mail of contact con_1 already", byEmail.reason());
        FilterVerdict byDomain = check(Fixtures.signUp("cy@acme.com", "US", 500, null, List.of()), objects);
        assertEquals("duplicate-account-domain duplicate", verdict(byDomain));
        assertEquals("acme.com is the domain of account acc_1 already", byDomain.reason());
        assertEquals("duplicate-lead-domain duplicate", verdict(check(Fixtures.signUp("di@initech.com", "US", 500,
                null, List.of()), objects)));
        assertEquals("duplicate-lead-email duplicate", verdict(check(Fixtures.signUp("bo@gmail.com", "US", 500, null,
                List.of()), objects)), "an e-mail at a free mail domain is still one person's");
        assertEquals("free-mail self-serve", verdict(check(Fixtures.signUp("ed@gmail.com", "US", 500, null,
                List.of()), objects)), "a free mail domain is no company's");
        assertEquals("duplicate-email duplicate", verdict(check(Fixtures.signUp("ann@acme.com", "US", 500, null,
                List.of()), withObjects(Set.of("ann@acme.com"), Set.of(), SETTINGS))),
                "a sign-up intake saw comes first");
        assertEquals("existing-customer existing-customer", verdict(check(Fixtures.signUp("cy@acme.com", "US", 500,
                null, List.of()), withObjects(Set.of(), Set.of("acme.com"), SETTINGS))),
                "a paying customer's domain goes to the customer fallback");
        assertTrue(check(Fixtures.signUp("ann@acme.com", "US", 500, null, List.of()), withObjects(Set.of(), Set.of(),
                Map.of("duplicates", false))).passed(), "duplicates: false turns these off too");
    }

    @Test
    void withoutSettingsOnlyDuplicatesCustomersAndFreeMailFilter() {
        FilterContext open = Fixtures.known(Set.of("gmail.com"), Set.of(), Set.of(), Set.of(), Map.of());
        assertTrue(filters.check(Fixtures.signUp("a@acme.com", null, null, null, List.of()), open).passed());
        assertEquals("free-mail self-serve", verdict(filters.check(Fixtures.signUp("a@gmail.com", "US", 9, null, List.of()),
                open)));
        FilterContext keep = Fixtures.known(Set.of("gmail.com"), Set.of(), Set.of(), Set.of(), Map.of("freeMail", false));
        assertTrue(filters.check(Fixtures.signUp("a@gmail.com", "US", 9, null, List.of()), keep).passed());
    }

    @Test
    void validationNamesEveryBadField() {
        Map<String, String> problems = filters.validate(Map.of("allowedCountries", List.of("US", "Germany", 3),
                "partners", Map.of("BR", "Partner Latam", "XYZ", "ok"), "minEmployees", 2.5, "freeMail", "yes",
                "color", "red"));
        assertEquals(Set.of("allowedCountries[1]", "allowedCountries[2]", "partners.BR", "partners.XYZ",
                "minEmployees", "freeMail", "color"), problems.keySet(), problems.toString());
        assertEquals(Map.of(), filters.validate(SETTINGS));
    }

    /** A sign-up that passes has every fact the rules ask for; one that is diverted names a known rule. */
    @Property
    void passingMeansEveryRuleHolds(@ForAll("countries") String country,
            @ForAll @IntRange(min = -1, max = 200) int size, @ForAll boolean freeMail, @ForAll boolean customer,
            @ForAll boolean seenEmail, @ForAll boolean seenDomain, @ForAll @StringLength(min = 1, max = 8)
            String local) {
        Integer employees = size < 0 ? null : size;
        String domain = freeMail ? "gmail.com" : "acme.com";
        String email = local.replaceAll("[^a-z]", "x") + "@" + domain;
        FilterContext k = known(seenEmail ? Set.of(email) : Set.of(), seenDomain ? Set.of(domain) : Set.of(),
                customer ? Set.of(domain) : Set.of());
        FilterVerdict v = filters.check(Fixtures.signUp(email, country, employees, null, List.of()), k);
        if (v.passed()) {
            assertTrue(List.of("US", "DE").contains(country));
            assertTrue(employees != null && employees >= 50);
            assertTrue(!freeMail && !customer && !seenEmail && !seenDomain);
        } else {
            assertTrue(Set.of("duplicate-email", "duplicate-domain", "existing-customer", "free-mail",
                    "country-partner", "country", "company-size").contains(v.rule()), v.toString());
            if (seenEmail) {
                assertEquals("duplicate-email", v.rule(), "duplicates are checked first");
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> countries() {
        return net.jqwik.api.Arbitraries.of("US", "DE", "BR", "FR", "JP").injectNull(0.1);
    }

    private static String verdict(FilterVerdict v) {
        return v.rule() + " " + v.fallback();
    }
}
