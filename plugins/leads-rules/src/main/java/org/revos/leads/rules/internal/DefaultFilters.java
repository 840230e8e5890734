package org.revos.leads.rules.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.revos.api.leads.ExistingObject;
import org.revos.api.leads.FilterContext;
import org.revos.api.leads.FilterVerdict;
import org.revos.api.leads.LeadFilter;
import org.revos.api.leads.SignUp;

/**
 * The hard rules, in this order, the first that fails deciding: a duplicate (an e-mail, then a company domain intake
 * saw before), an existing customer's domain, a free mail address, a country outside the allowed list (to the
 * country's partner when one is named, else the country fallback), a company below the minimum size (an unknown size
 * fails a minimum: nobody could tell it is big enough). Each rule sends to a fallback the settings name.
 */
@Component(service = LeadFilter.class)
public final class DefaultFilters implements LeadFilter {

    private final LastRead<Rules> rules = new LastRead<>(settings -> Rules.read(new Settings(settings)));

    static final List<String> KEYS = List.of("allowedCountries", "partners", "countryFallback", "minEmployees",
            "sizeFallback", "freeMail", "freeMailFallback", "customerFallback", "duplicates", "duplicateFallback");

    /** The filter settings as the rules apply them. */
    record Rules(List<String> allowedCountries, Map<String, String> partners, String countryFallback,
            int minEmployees, String sizeFallback, boolean freeMail, String freeMailFallback, String customerFallback,
            boolean duplicates, String duplicateFallback) {

        static Rules read(Settings s) {
            s.onlyKnown(KEYS);
            Map<String, String> partners = new TreeMap<>();
            Map<String, Object> named = s.object("partners");
            if (named != null) {
                named.forEach((country, partner) -> {
                    String code = s.country("partners." + country, country);
                    String name = s.name("partners." + country, partner, null);
                    if (code != null && name != null) {
                        partners.put(code, name);
                    }
                });
            }
            return new Rules(s.countries("allowedCountries"), partners, s.name("countryFallback", "self-serve"),
                    s.integer("minEmployees", 0, 10_000_000, 0), s.name("sizeFallback", "self-serve"),
                    s.bool("freeMail", true), s.name("freeMailFallback", "self-serve"),
                    s.name("customerFallback", "existing-customer"), s.bool("duplicates", true),
                    s.name("duplicateFallback", "duplicate"));
        }
    }

    @Override
    public FilterVerdict check(SignUp signUp, FilterContext context) {
        return check(signUp, context, rules.of(context.settings()));
    }

    static FilterVerdict check(SignUp signUp, FilterContext context, Rules rules) {
        String domain = signUp.domain();
        boolean freeMail = context.freeMailDomain(domain);
        if (rules.duplicates() && context.knownEmail(signUp.email())) {
            return FilterVerdict.divert(rules.duplicateFallback(), "duplicate-email",
                    signUp.email() + " signed up before");
        }
        if (rules.duplicates() && !freeMail && context.knownDomain(domain)) {
            return FilterVerdict.divert(rules.duplicateFallback(), "duplicate-domain",
                    "someone from " + domain + " signed up before");
        }
        if (!freeMail && context.existingCustomer(domain)) {
            return FilterVerdict.divert(rules.customerFallback(), "existing-customer",
                    domain + " is the domain of an existing customer");
        }
        if (rules.duplicates()) {
            Optional<ExistingObject> same = context.existingEmail(signUp.email());
            if (same.isPresent()) {
                String what = name(same.get());
                return FilterVerdict.divert(rules.duplicateFallback(), "duplicate-" + what + "-email",
                        signUp.email() + " is the e-mail of " + what + " " + same.get().id() + " already");
            }
            Optional<ExistingObject> at = freeMail ? Optional.empty() : context.existingDomain(domain);
            if (at.isPresent()) {
                String what = name(at.get());
                return FilterVerdict.divert(rules.duplicateFallback(), "duplicate-" + what + "-domain", domain
                        + (what.equals("account") ? " is the domain of account " : " is the domain of the e-mail of "
                                + what + " ") + at.get().id() + " already");
            }
        }
        if (rules.freeMail() && freeMail) {
            return FilterVerdict.divert(rules.freeMailFallback(), "free-mail", domain + " is a free mail provider");
        }
        String country = signUp.country();
        if (!rules.allowedCountries().isEmpty() && (country == null || !rules.allowedCountries().contains(country))) {
            String partner = country == null ? null : rules.partners().get(country);
            String what = country == null ? "the country is unknown" : country + " is not an allowed country";
            return partner != null
                    ? FilterVerdict.divert(partner, "country-partner", what + "; its partner is " + partner)
                    : FilterVerdict.divert(rules.countryFallback(), "country", what);
        }
        Integer employees = signUp.employees();
        if (rules.minEmployees() > 0 && (employees == null || employees < rules.minEmployees())) {
            return FilterVerdict.divert(rules.sizeFallback(), "company-size", (employees == null
                    ? "the company size is unknown" : "a company of " + employees + " employees")
                    + ", below the minimum of " + rules.minEmployees());
        }
        return FilterVerdict.pass();
    }

    private static String name(ExistingObject object) {
        return object.type().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Map<String, String> validate(Map<String, Object> settings) {
        Settings s = new Settings(settings);
        Rules.read(s);
        return s.problems();
    }
}
