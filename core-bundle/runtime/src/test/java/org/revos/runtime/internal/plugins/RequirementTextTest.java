package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class RequirementTextTest {

    private static final String PACKAGE = "osgi.wiring.package";

    @Test
    void aPackageInTheWrongVersionNamesWhatTheRuntimeHas() {
        assertEquals("needs package org.revos.api.spi [1.2,2) — this runtime has 1.0.0", RequirementText.describe(
                PACKAGE, "(&(osgi.wiring.package=org.revos.api.spi)(version>=1.2.0)(!(version>=2.0.0)))",
                List.of(new Version(1, 0, 0))));
    }

    @Test
    void aPackageNobodyExportsSaysSo() {
        assertEquals("needs package com.foo (any version) — nothing in this runtime provides it",
                RequirementText.describe(PACKAGE, "(&(osgi.wiring.package=com.foo)(version>=0.0.0))", List.of()));
        assertEquals("needs package com.foo (any version) — nothing in this runtime provides it",
                RequirementText.describe(PACKAGE, "(osgi.wiring.package=com.foo)", List.of()));
    }

    @Test
    void rangesAreWrittenAsOsgiRangesOrInWords() {
        assertEquals("needs package p (1.2.3,2.1] — this runtime has 1.0.0, 3.0.0.beta",
                RequirementText.describe(PACKAGE, "(&(osgi.wiring.package=p)(!(version<=1.2.3))(version<=2.1.0))",
                        List.of(Version.parseVersion("3.0.0.beta"), new Version(1, 0, 0), new Version(1, 0, 0))));
        assertEquals("needs package p 1.5 or later — this runtime has 1.0.0",
                RequirementText.describe(PACKAGE, "(&(osgi.wiring.package=p)(version>=1.5))",
                        List.of(new Version(1, 0, 0))));
        assertEquals("needs execution environment JavaSE 21 — this runtime has …, 13.0.0, 14.0.0, 15.0.0, 16.0.0,"
                + " 17.0.0", RequirementText.describe("osgi.ee", "(&(osgi.ee=JavaSE)(version=21))",
                        List.of(v(11), v(12), v(13), v(14), v(15), v(16), v(17))));
    }

    @Test
    void otherNamespacesAndAttributesAreNamed() {
        assertEquals("needs bundle org.foo [1,2) with foo=bar — nothing in this runtime provides it",
                RequirementText.describe("osgi.wiring.bundle",
                        "(&(osgi.wiring.bundle=org.foo)(bundle-version>=1.0.0)(!(bundle-version>=2.0.0))(foo=bar))",
                        List.of()));
        assertEquals("needs extender osgi.component [1.5,2) — this runtime has 1.4.0",
                RequirementText.describe("osgi.extender",
                        "(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))", List.of(v(1, 4))));
        assertEquals("needs com.acme.widget capability matching (|(a=1)(b=2)) — nothing in this runtime provides it",
                RequirementText.describe("com.acme.widget", "(|(a=1)(b=2))", List.of()));
        assertEquals("needs service com.acme.Widget — nothing in this runtime provides it",
                RequirementText.describe("osgi.service", "(objectClass=com.acme.Widget)", List.of()));
    }

    @Test
    void headersAndNamesForLookups() {
        assertEquals("Import-Package", RequirementText.header(PACKAGE));
        assertEquals("Require-Bundle", RequirementText.header("osgi.wiring.bundle"));
        assertEquals("Require-Capability", RequirementText.header("osgi.extender"));
        assertEquals(Optional.of("org.x"), RequirementText.name(PACKAGE, "(&(osgi.wiring.package=org.x)(version>=1))"));
        assertEquals(Optional.empty(),
                RequirementText.name(PACKAGE, "(|(osgi.wiring.package=a)(osgi.wiring.package=b))"));
        assertEquals(Optional.empty(), RequirementText.name(PACKAGE, "not a filter"));
    }

    @Test
    void versionsAreCompacted() {
        assertEquals("1.2", RequirementText.compact(new Version(1, 2, 0)));
        assertEquals("2", RequirementText.compact(new Version(2, 0, 0)));
        assertEquals("0", RequirementText.compact(Version.emptyVersion));
        assertEquals("1.0.3", RequirementText.compact(new Version(1, 0, 3)));
        assertEquals("1.0.0.SNAPSHOT", RequirementText.compact(Version.parseVersion("1.0.0.SNAPSHOT")));
    }

    private static Version v(int major) {
        return new Version(major, 0, 0);
    }

    private static Version v(int major, int minor) {
        return new Version(major, minor, 0);
    }
}
