/** Tests that run inside the OSGi framework with the runtime's real bundles. */
package org.revos.osgitests;
