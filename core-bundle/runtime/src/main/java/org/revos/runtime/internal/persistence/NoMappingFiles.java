package org.revos.runtime.internal.persistence;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;

import org.eclipse.persistence.jpa.Archive;
import org.eclipse.persistence.jpa.ArchiveFactory;

/**
 * The archive EclipseLink searches for {@code orm.xml} mapping files under the composed unit's root: an empty one.
 * The unit is mapped by annotations alone and has no root folder or jar to open.
 */
public final class NoMappingFiles implements ArchiveFactory {

    @Override
    public Archive createArchive(URL root, Map properties) {
        return new Empty(root);
    }

    @Override
    public Archive createArchive(URL root, String descriptorLocation, Map properties) {
        return new Empty(root);
    }

    private record Empty(URL getRootURL) implements Archive {
        @Override
        public Iterator<String> getEntries() {
            return Collections.emptyIterator();
        }

        @Override
        public InputStream getEntry(String name) {
            return null;
        }

        @Override
        public URL getEntryAsURL(String name) {
            return null;
        }

        @Override
        public InputStream getDescriptorStream() {
            return null;
        }

        @Override
        public void close() {
            // nothing was opened
        }
    }
}
