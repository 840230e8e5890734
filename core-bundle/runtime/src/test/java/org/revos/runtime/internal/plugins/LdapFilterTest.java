package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class LdapFilterTest {

    @Test
    void parsesTheFiltersTheFrameworkWritesForImports() {
        LdapFilter filter = LdapFilter.parse(
                "(&(osgi.wiring.package=org.revos.api.spi)(version>=1.2.0)(!(version>=2.0.0)))");
        assertEquals(new LdapFilter.And(List.of(
                new LdapFilter.Compare("osgi.wiring.package", LdapFilter.Operator.EQUAL, "org.revos.api.spi"),
                new LdapFilter.Compare("version", LdapFilter.Operator.GREATER_OR_EQUAL, "1.2.0"),
                new LdapFilter.Not(new LdapFilter.Compare("version", LdapFilter.Operator.GREATER_OR_EQUAL,
                        "2.0.0")))), filter);
    }

    @Test
    void readsEscapesPresenceOrAndSpaces() {
        assertEquals(new LdapFilter.Compare("a", LdapFilter.Operator.EQUAL, "x(y)*"),
                LdapFilter.parse("(a=x\\(y\\)\\*)"));
        assertEquals(new LdapFilter.Compare("a", LdapFilter.Operator.PRESENT, ""), LdapFilter.parse("(a=*)"));
        assertEquals(new LdapFilter.Or(List.of(new LdapFilter.Compare("a", LdapFilter.Operator.LESS_OR_EQUAL, "1"),
                new LdapFilter.Compare("b", LdapFilter.Operator.APPROX, "2"))),
                LdapFilter.parse(" ( | (a<=1) (b~=2) ) "));
    }

    @Test
    void refusesMalformedFilters() {
        for (String bad : List.of("", "a=1", "(a=1", "(&)", "(a=1))", "(=1)", "(a>1)", "(a=(1))")) {
            assertThrows(IllegalArgumentException.class, () -> LdapFilter.parse(bad), bad);
        }
    }
}
