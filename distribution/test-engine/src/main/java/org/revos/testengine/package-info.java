/** A test engine: an entity of its own in the kernel's persistence unit, served over REST. */
package org.revos.testengine;
