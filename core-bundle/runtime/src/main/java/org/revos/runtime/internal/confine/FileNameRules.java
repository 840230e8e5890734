package org.revos.runtime.internal.confine;

/**
 * What a file name a tenant gives must look like before it is resolved: a relative path of folders and a file
 * separated by {@code /}, taken literally. Absolute paths, {@code ..}, empty and {@code .} segments, control
 * characters (NUL, line breaks), backslashes, drive letters and colons, a leading {@code ~} and {@code %} (names are
 * never URL-decoded, so {@code %2e%2e} cannot turn into {@code ..} anywhere downstream) are refused.
 */
final class FileNameRules {

    static final int MAX_LENGTH = 500;
    private static final String EXAMPLE = "such as exports/accounts.csv";

    private FileNameRules() {
    }

    /** @throws RefusedPath saying what is wrong with the name */
    static void check(String name) {
        if (name == null || name.isBlank()) {
            throw new RefusedPath("is empty; name a file inside the tenant's folder, " + EXAMPLE);
        }
        if (name.length() > MAX_LENGTH) {
            throw new RefusedPath("is longer than " + MAX_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new RefusedPath("holds a control character (such as NUL or a line break); a file name cannot");
        }
        if (name.indexOf('\\') >= 0) {
            throw new RefusedPath("holds a backslash; separate folders with /, " + EXAMPLE);
        }
        if (name.indexOf(':') >= 0) {
            throw new RefusedPath("holds ':' (a drive letter, a stream name or a URL scheme); name a file inside the"
                    + " tenant's folder, " + EXAMPLE);
        }
        if (name.indexOf('%') >= 0) {
            throw new RefusedPath("holds '%'; names are taken literally and never URL-decoded, so write the name"
                    + " itself, " + EXAMPLE);
        }
        if (name.startsWith("/")) {
            throw new RefusedPath("is an absolute path; name a file relative to the tenant's folder, " + EXAMPLE);
        }
        if (name.startsWith("~")) {
            throw new RefusedPath("starts with '~'; name a file relative to the tenant's folder, " + EXAMPLE);
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                throw new RefusedPath("climbs out of the tenant's folder with '..'; name a file inside it, "
                        + EXAMPLE);
            }
            if (segment.isEmpty() || segment.equals(".")) {
                throw new RefusedPath("has an empty or '.' folder in it (such as a//b, ./a or a trailing /); name a"
                        + " file, " + EXAMPLE);
            }
        }
    }
}
