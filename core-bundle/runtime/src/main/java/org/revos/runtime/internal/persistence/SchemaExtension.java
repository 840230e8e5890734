package org.revos.runtime.internal.persistence;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.sessions.Project;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.eclipse.persistence.tools.schemaframework.DefaultTableGenerator;
import org.eclipse.persistence.tools.schemaframework.SchemaManager;

/**
 * Creates the tables of new entities and adds the columns of changed ones, for just those entities: an engine that
 * arrives or changes extends its own tables, and the kernel's are not examined again.
 */
final class SchemaExtension {

    private SchemaExtension() {
    }

    static void extend(EntityManagerFactory factory, List<Class<?>> entities) {
        ServerSession session = factory.unwrap(JpaEntityManagerFactory.class).getServerSession();
        Project project = new Project(session.getDatasourceLogin());
        for (Class<?> entity : entities) {
            ClassDescriptor descriptor = session.getClassDescriptor(entity);
            if (descriptor != null) { // mapped superclasses have no table of their own
                project.addDescriptor(descriptor);
            }
        }
        new DefaultTableGenerator(project, true).generateDefaultTableCreator().extendTables(session,
                new SchemaManager(session));
    }
}
