/**
 * CREDIT adoption checklists: initiatives, their manual items, the automatic probes plugins contribute, reminders
 * sent through the notifiers, and the celebration when every tactic is done.
 */
package org.revos.runtime.internal.adoption;
