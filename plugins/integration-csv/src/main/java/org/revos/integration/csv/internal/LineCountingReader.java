package org.revos.integration.csv.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Tells the physical line of a character offset, for offsets asked in increasing order. It remembers only the line
 * breaks between the last offset asked and what the parser has read ahead, so memory stays bounded on any file. A
 * line break is LF, CRLF or a lone CR.
 */
final class LineCountingReader extends FilterReader {

    private final ArrayDeque<Long> breaks = new ArrayDeque<>();
    private long offset;
    private long linesBefore;
    private boolean lastWasCr;

    LineCountingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            seen((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        for (int i = 0; i < n; i++) {
            seen(buffer[off + i]);
        }
        return n;
    }

    private void seen(char c) {
        if (c == '\n') {
            if (!lastWasCr) {
                breaks.add(offset);
            }
        } else if (c == '\r') {
            breaks.add(offset);
        }
        lastWasCr = c == '\r';
        offset++;
    }

    /** @return the 1-based line of the character at {@code position} (not less than any position asked before) */
    long lineAt(long position) {
        while (!breaks.isEmpty() && breaks.peekFirst() < position) {
            breaks.pollFirst();
            linesBefore++;
        }
        return linesBefore + 1;
    }
}
