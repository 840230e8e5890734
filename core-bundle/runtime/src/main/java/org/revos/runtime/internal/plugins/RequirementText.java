package org.revos.runtime.internal.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.framework.Version;

/**
 * Puts an unsatisfied requirement into words an administrator can act on, such as
 * {@code needs package org.revos.api.spi [1.2,2) — this runtime has 1.0.0} or
 * {@code needs package com.foo (any version) — nothing in this runtime provides it}.
 */
public final class RequirementText {

    static final String PACKAGE = "osgi.wiring.package";
    static final String BUNDLE = "osgi.wiring.bundle";
    static final String HOST = "osgi.wiring.host";
    static final String IDENTITY = "osgi.identity";
    static final String SERVICE = "osgi.service";

    private static final Map<String, String> LABELS = Map.of(PACKAGE, "package", BUNDLE, "bundle", IDENTITY,
            "bundle", HOST, "host bundle", "osgi.extender", "extender", "osgi.contract", "contract", SERVICE, "service",
            "osgi.ee", "execution environment", "osgi.implementation", "implementation", "osgi.native", "native code");
    /** Namespaces where "(any version)" is worth saying when a requirement names no version. */
    private static final Set<String> NAMED_WITH_VERSION = Set.of(PACKAGE, BUNDLE, IDENTITY, HOST);
    private static final int SHOWN_OFFERS = 5;

    /** What a requirement's filter asks for, when it has the usual shape: a name, a version range, conditions. */
    record Wanted(String name, Version lower, boolean lowerInclusive, Version upper, boolean upperInclusive,
            List<String> conditions) {
    }

    private RequirementText() {
    }

    /**
     * @param offered the versions of the capabilities this runtime has under the requirement's name (see
     *                {@link #name}); empty when it has none
     * @return one sentence, starting with "needs"
     */
    public static String describe(String namespace, String filter, Collection<Version> offered) {
        String label = LABELS.getOrDefault(namespace, namespace + " capability");
        Optional<Wanted> wanted = wanted(namespace, filter);
        if (wanted.isEmpty()) {
            return "needs " + label + " matching " + (filter == null ? "anything" : filter) + " — "
                    + offers(offered);
        }
        Wanted w = wanted.get();
        StringBuilder text = new StringBuilder("needs ").append(label).append(' ').append(w.name());
        boolean constrained = w.lower() != null || w.upper() != null;
        String range = range(w);
        if (constrained || NAMED_WITH_VERSION.contains(namespace)) {
            text.append(' ').append(range);
        }
        if (!w.conditions().isEmpty()) {
            text.append(" with ").append(String.join(", ", w.conditions()));
        }
        return text.append(" — ").append(offers(offered)).toString();
    }

    /** @return the name the requirement asks for (package name, bundle name, ...), if its filter names one */
    public static Optional<String> name(String namespace, String filter) {
        return wanted(namespace, filter).map(Wanted::name);
    }

    /** @return the manifest header a requirement of this namespace comes from */
    public static String header(String namespace) {
        return switch (namespace) {
            case PACKAGE -> "Import-Package";
            case BUNDLE -> "Require-Bundle";
            case HOST -> "Fragment-Host";
            default -> "Require-Capability";
        };
    }

    /** @return the attribute holding the capability's name in {@code namespace} */
    static String nameAttribute(String namespace) {
        return SERVICE.equals(namespace) ? "objectClass" : namespace;
    }

    /** @return the attribute holding the capability's version in {@code namespace} */
    static String versionAttribute(String namespace) {
        return BUNDLE.equals(namespace) || HOST.equals(namespace) ? "bundle-version" : "version";
    }

    static Optional<Wanted> wanted(String namespace, String filter) {
        LdapFilter parsed;
        try {
            parsed = filter == null ? null : LdapFilter.parse(filter);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (parsed == null) {
            return Optional.empty();
        }
        List<LdapFilter> parts = parsed instanceof LdapFilter.And and ? and.operands() : List.of(parsed);
        String nameAttribute = nameAttribute(namespace);
        String versionAttribute = versionAttribute(namespace);
        String name = null;
        Version lower = null;
        Version upper = null;
        boolean lowerInclusive = true;
        boolean upperInclusive = false;
        List<String> conditions = new ArrayList<>();
        try {
            for (LdapFilter part : parts) {
                if (part instanceof LdapFilter.Compare c && c.attribute().equals(nameAttribute)
                        && c.operator() == LdapFilter.Operator.EQUAL && name == null) {
                    name = c.value();
                } else if (part instanceof LdapFilter.Compare c && c.attribute().equals(versionAttribute)
                        && c.operator() != LdapFilter.Operator.APPROX && c.operator() != LdapFilter.Operator.PRESENT) {
                    Version v = Version.parseVersion(c.value());
                    switch (c.operator()) {
                        case GREATER_OR_EQUAL -> {
                            lower = v;
                            lowerInclusive = true;
                        }
                        case LESS_OR_EQUAL -> {
                            upper = v;
                            upperInclusive = true;
                        }
                        default -> {
                            lower = v;
                            upper = v;
                            lowerInclusive = true;
                            upperInclusive = true;
                        }
                    }
                } else if (part instanceof LdapFilter.Not not && not.operand() instanceof LdapFilter.Compare c
                        && c.attribute().equals(versionAttribute)
                        && (c.operator() == LdapFilter.Operator.GREATER_OR_EQUAL
                                || c.operator() == LdapFilter.Operator.LESS_OR_EQUAL)) {
                    Version v = Version.parseVersion(c.value());
                    if (c.operator() == LdapFilter.Operator.GREATER_OR_EQUAL) {
                        upper = v;
                        upperInclusive = false;
                    } else {
                        lower = v;
                        lowerInclusive = false;
                    }
                } else {
                    conditions.add(text(part));
                }
            }
        } catch (IllegalArgumentException badVersion) {
            return Optional.empty();
        }
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new Wanted(name, lower, lowerInclusive, upper, upperInclusive, conditions));
    }

    /** @return the range in OSGi notation ({@code [1.2,2)}), a single version, or "(any version)" */
    static String range(Wanted w) {
        Version lower = w.lower() == null ? Version.emptyVersion : w.lower();
        if (w.upper() == null) {
            if (lower.equals(Version.emptyVersion) && w.lowerInclusive()) {
                return "(any version)";
            }
            return (w.lowerInclusive() ? "" : "above ") + compact(lower) + (w.lowerInclusive() ? " or later" : "");
        }
        if (lower.equals(w.upper()) && w.lowerInclusive() && w.upperInclusive()) {
            return compact(lower);
        }
        return (w.lowerInclusive() ? "[" : "(") + compact(lower) + "," + compact(w.upper())
                + (w.upperInclusive() ? "]" : ")");
    }

    /** @return the version without trailing zero segments: 1.2.0 → 1.2, 2.0.0 → 2; a qualifier is kept */
    static String compact(Version v) {
        if (!v.getQualifier().isEmpty()) {
            return v.toString();
        }
        if (v.getMicro() != 0) {
            return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
        }
        if (v.getMinor() != 0) {
            return v.getMajor() + "." + v.getMinor();
        }
        return Integer.toString(v.getMajor());
    }

    private static String offers(Collection<Version> offered) {
        if (offered.isEmpty()) {
            return "nothing in this runtime provides it";
        }
        List<String> versions = new TreeSet<>(offered).stream().map(Version::toString).collect(Collectors.toList());
        if (versions.size() > SHOWN_OFFERS) {
            versions = new ArrayList<>(versions.subList(versions.size() - SHOWN_OFFERS, versions.size()));
            versions.set(0, "…, " + versions.get(0));
        }
        return "this runtime has " + String.join(", ", versions);
    }

    private static String text(LdapFilter filter) {
        if (filter instanceof LdapFilter.Compare c) {
            return c.attribute() + c.operator().symbol() + c.value();
        }
        if (filter instanceof LdapFilter.Not not) {
            return "not " + text(not.operand());
        }
        List<LdapFilter> operands = filter instanceof LdapFilter.And and ? and.operands()
                : ((LdapFilter.Or) filter).operands();
        String joiner = filter instanceof LdapFilter.And ? " and " : " or ";
        return "(" + operands.stream().map(RequirementText::text).collect(Collectors.joining(joiner)) + ")";
    }
}
