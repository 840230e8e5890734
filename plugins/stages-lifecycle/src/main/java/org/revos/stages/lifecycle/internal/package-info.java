/** The default lead lifecycle and opportunity pipeline. */
package org.revos.stages.lifecycle.internal;
