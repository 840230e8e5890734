package org.revos.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The pom partners get with the kit (src/release/pom.xml, filled in by the build) must list exactly the kit's compile
 * dependencies, each with a release version: otherwise a partner's tests would miss a class, or pull a SNAPSHOT.
 */
class ReleasePomTest {

    private static List<String> compileDependencies(Path pom, boolean withVersions) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document doc = factory.newDocumentBuilder().parse(pom.toFile());
        Element dependencies = (Element) doc.getDocumentElement().getElementsByTagName("dependencies").item(0);
        NodeList all = dependencies.getElementsByTagName("dependency");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element d = (Element) all.item(i);
            String scope = text(d, "scope");
            if (scope == null || scope.equals("compile")) {
                String coordinates = text(d, "groupId") + ":" + text(d, "artifactId");
                found.add(withVersions ? coordinates + ":" + text(d, "version") : coordinates);
            }
        }
        return found.stream().sorted().toList();
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
    }

    @Test
    void theReleasedPomListsTheKitsCompileDependenciesAtReleaseVersions() throws Exception {
        List<String> released = compileDependencies(Path.of("target/release/pom.xml"), true);
        assertEquals(compileDependencies(Path.of("pom.xml"), false),
                released.stream().map(c -> c.substring(0, c.lastIndexOf(':'))).toList());
        for (String dependency : released) {
            assertFalse(dependency.endsWith("SNAPSHOT") || dependency.contains("@"), dependency);
        }
    }
}
