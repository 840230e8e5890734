package org.revos.blackbox.plugins;

/**
 * A Declarative Services component whose activation always fails. {@link TestJars} packs it into a plugin jar with a
 * hand-written component descriptor; it uses nothing but {@code java.lang}, so the bundle needs no imports.
 */
public class ThrowingComponent {

    /** The message the installer must report. */
    public static final String MESSAGE = "the throwing component refuses to activate";

    public void activate() {
        throw new IllegalStateException(MESSAGE);
    }
}
