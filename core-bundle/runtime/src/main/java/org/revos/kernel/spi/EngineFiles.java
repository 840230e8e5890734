package org.revos.kernel.spi;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Folders of the runtime's data folder where an engine keeps files while it works (an import spools the body it is
 * sent there, so it streams from disk in bounded memory and can resume after a stop). Unlike the bundle's own data
 * area, such a folder outlives the engine's bundle: an import spooled before the engine was updated, removed and
 * restored, or before the runtime moved it out of the kernel, still finds its file. A service of the kernel; since
 * 1.4.
 */
@ProviderType
public interface EngineFiles {

    /**
     * @param name the folder's name, lower-case letters, digits and dashes ({@code imports})
     * @return the folder {@code <data folder>/<name>}, created when it did not exist
     * @throws IllegalArgumentException when {@code name} is not such a name
     * @throws IOException              when the folder cannot be created
     */
    Path folder(String name) throws IOException;
}
