package org.revos.runtime.internal.confine;

/**
 * A file name a tenant gave that does not stay inside its folder. The message says why in plain words and reads after
 * the name of the field that held it: {@code location: is absolute; ...}.
 */
public final class RefusedPath extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public RefusedPath(String reason) {
        super(reason);
    }
}
