/** API keys: generated with a CSPRNG, shown once, stored only as SHA-256 hashes; the callers they authenticate. */
package org.revos.runtime.internal.security;
