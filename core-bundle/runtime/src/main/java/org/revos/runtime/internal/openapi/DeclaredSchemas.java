package org.revos.runtime.internal.openapi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schemas resources state themselves, through {@link org.revos.kernel.spi.rest.SchemaFrom} and
 * {@link org.revos.kernel.spi.rest.Listing#filterSchemas()}: static methods of the resource class (or a
 * superclass) that take nothing and return an {@code ObjectNode}.
 */
final class DeclaredSchemas {

    private DeclaredSchemas() {
    }

    /**
     * @return a fresh copy of what {@code owner}'s static method {@code name} returns
     * @throws IllegalStateException when there is no such method, or it fails: a resource that names a schema it
     *                               does not have is a defect the document must not hide
     */
    static ObjectNode of(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method method = c.getDeclaredMethod(name);
                if (!Modifier.isStatic(method.getModifiers()) || !ObjectNode.class.isAssignableFrom(
                        method.getReturnType())) {
                    break;
                }
                method.setAccessible(true);
                return ((ObjectNode) method.invoke(null)).deepCopy();
            } catch (NoSuchMethodException e) {
                // look in the superclass
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(owner.getName() + "." + name + "() failed to state its schema", e);
            }
        }
        throw new IllegalStateException(owner.getName() + " has no static ObjectNode " + name + "() to state a schema");
    }
}
