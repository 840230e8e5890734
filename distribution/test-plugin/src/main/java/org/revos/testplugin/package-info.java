/**
 * The RevOS test plugin: what a real plugin looks like, small enough to be installed, updated and removed many times
 * by the black-box tests. It wires only to {@code org.revos.api} and standard OSGi and Jakarta REST packages.
 */
package org.revos.testplugin;
