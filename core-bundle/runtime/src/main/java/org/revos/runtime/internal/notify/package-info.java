/**
 * Notifications: the tenant's webhooks, the delivery queue with retries, back-off and dead letters, and the calls
 * into notifier plugins.
 */
package org.revos.runtime.internal.notify;
