package org.revos.integration.enrichment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.revos.api.spi.Firmographics;

class ReferenceFileTest {

    @Test
    void readsColumnsInAnyOrderWithQuotesAndIgnoresOthers() throws IOException {
        ReferenceFile file = ReferenceFile.parse(new StringReader("""
                \uFEFFIndustry,Domain,notes,Employees,Country,Company
                "Software, SaaS",https://www.Acme.com/about,x,"1,200",de,"Acme ""Rockets"" GmbH"

                Retail,shop.example,,,US,
                """), "ref.csv");
        assertEquals(2, file.size());
        assertEquals(new Firmographics("Acme \"Rockets\" GmbH", "de", 1200, "Software, SaaS", null),
                file.find("ACME.COM"));
        assertEquals(new Firmographics(null, "US", null, "Retail", null), file.find("jane@shop.example"));
        assertNull(file.find("other.example"));
    }

    @Test
    void skipsUnusableLinesAndKeepsTheFirstLineOfADomain() throws IOException {
        ReferenceFile file = ReferenceFile.parse(new StringReader("""
                domain,employees,country
                ,10,DE
                bad.example,many,DE
                twice.example,5,FR
                www.twice.example,7,IT
                """), "ref.csv");
        assertEquals(1, file.size());
        assertEquals(5, file.find("twice.example").employees());
        assertNull(file.find("bad.example"));
    }

    @Test
    void refusesAFileWithoutDomainColumnOrHeader() {
        IOException noDomain = assertThrows(IOException.class,
                () -> ReferenceFile.parse(new StringReader("site,country\nacme.com,DE\n"), "ref.csv"));
        assertTrue(noDomain.getMessage().contains("no 'domain' column"), noDomain.getMessage());
        assertThrows(IOException.class, () -> ReferenceFile.parse(new StringReader(""), "ref.csv"));
    }

    @Test
    void normalisesTheWaysADomainIsWritten() {
        assertEquals("acme.com", Domains.normalise(" HTTPS://WWW.ACME.COM:443/path?q#f "));
        assertEquals("acme.com", Domains.normalise("acme.com."));
        assertEquals("sub.acme.com", Domains.normalise("sales@sub.acme.com"));
        assertNull(Domains.normalise("  "));
        assertNull(Domains.normalise(null));
    }
}
