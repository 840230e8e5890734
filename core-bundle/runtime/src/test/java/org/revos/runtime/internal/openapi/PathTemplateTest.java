package org.revos.runtime.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void joinsSegmentsWithSingleSlashesAndNoTrailingOne() {
        assertEquals("/accounts", PathTemplate.ROOT.append("accounts").path());
        assertEquals("/accounts/{id}", PathTemplate.ROOT.append("/accounts/").append("/{id}").path());
        assertEquals("/admin/tenants", PathTemplate.ROOT.append("admin//tenants").append("").path());
        assertEquals("/", PathTemplate.ROOT.append("/").path());
    }

    @Test
    void templateExpressionsAreKeptAsideEvenWithBracesInside() {
        PathTemplate t = PathTemplate.ROOT.append("codes/{code: [A-Z]{3}}/{n}");
        assertEquals("/codes/{code}/{n}", t.path());
        assertEquals(Map.of("code", "[A-Z]{3}"), t.patterns());
        assertEquals("/codes/{}/{}", t.shape());
    }

    @Test
    void theLastLiteralSegmentNamesATag() {
        assertEquals("api-keys", PathTemplate.lastLiteral("/admin/tenants/{tenantId}/api-keys"));
        assertEquals("openapi", PathTemplate.lastLiteral("/openapi.json"));
        assertEquals("tenants", PathTemplate.lastLiteral("/admin/tenants"));
    }
}
