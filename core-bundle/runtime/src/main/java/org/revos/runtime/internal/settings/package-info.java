/** Start-up settings from the environment. */
package org.revos.runtime.internal.settings;
