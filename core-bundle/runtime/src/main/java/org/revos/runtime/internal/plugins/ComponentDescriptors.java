package org.revos.runtime.internal.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Bundle;
import org.xml.sax.SAXException;

/**
 * Counts the Declarative Services components a bundle declares in the descriptors its {@code Service-Component}
 * header names, so the lifecycle knows how many components SCR must report before a plugin counts as started.
 */
final class ComponentDescriptors {

    private ComponentDescriptors() {
    }

    /**
     * @return the number of {@code component} elements in the bundle's descriptors; descriptors that cannot be read
     *         are named in {@code unreadable}
     */
    static int count(Bundle bundle, List<String> unreadable) {
        String header = bundle.getHeaders("").get("Service-Component");
        if (header == null || header.isBlank()) {
            return 0;
        }
        int count = 0;
        for (String entry : header.split(",")) {
            String path = entry.split(";")[0].trim();
            for (URL url : entries(bundle, path)) {
                try (InputStream in = url.openStream()) {
                    count += parser().parse(in).getElementsByTagNameNS("*", "component").getLength();
                } catch (IOException | SAXException | ParserConfigurationException e) {
                    unreadable.add(path + ": " + e.getMessage());
                }
            }
        }
        return count;
    }

    private static List<URL> entries(Bundle bundle, String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "/" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        if (name.contains("*")) {
            var found = bundle.findEntries(dir, name, false);
            return found == null ? List.of() : Collections.list(found);
        }
        URL url = bundle.getEntry(path);
        List<URL> result = new ArrayList<>();
        if (url != null) {
            result.add(url);
        }
        return result;
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}
