package org.revos.kernel.spi;

import java.io.IOException;

/** A URL the runtime will not call; the message says which host and why, in plain words. */
public final class RefusedUrl extends IOException {

    private static final long serialVersionUID = 1L;

    public RefusedUrl(String message) {
        super(message);
    }
}
