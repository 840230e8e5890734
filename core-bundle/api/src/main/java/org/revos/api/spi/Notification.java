package org.revos.api.spi;

import java.util.Map;

/**
 * A message for people: a celebration, a reminder or an alert.
 *
 * @param topic the domain event topic or reason that caused it
 * @param data  structured details for receivers that want more than text
 */
public record Notification(String topic, String title, String text, Map<String, Object> data) {
    public Notification {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
