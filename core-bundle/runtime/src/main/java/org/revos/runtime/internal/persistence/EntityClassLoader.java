package org.revos.runtime.internal.persistence;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The class loader EclipseLink gets for the composed persistence unit: the member entities by name, whichever bundle
 * they come from, and everything else (EclipseLink, Jakarta Persistence, the kernel) through the kernel's loader.
 * EclipseLink reads an entity's annotations from its class file (with ASM), so a member's {@code .class} resource is
 * found through the member's own loader too.
 */
final class EntityClassLoader extends ClassLoader {

    private final Map<String, Class<?>> members;
    private final Map<String, Class<?>> classFiles;

    EntityClassLoader(ClassLoader kernel, List<Class<?>> members) {
        super(kernel);
        this.members = members.stream().collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity(),
                (a, b) -> a));
        this.classFiles = this.members.values().stream().collect(Collectors.toUnmodifiableMap(
                c -> c.getName().replace('.', '/') + ".class", Function.identity()));
    }

    @Override
    public URL getResource(String name) {
        Class<?> member = classFiles.get(name);
        return member != null ? member.getClassLoader().getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Class<?> member = classFiles.get(name);
        return member != null ? member.getClassLoader().getResources(name) : super.getResources(name);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Class<?> member = members.get(name);
        return member != null ? member : super.loadClass(name, resolve);
    }
}
