package org.revos.runtime.internal.plugins;

import java.util.List;
import java.util.Optional;

import org.revos.runtime.internal.gateway.CallRecord;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plugin as {@code GET /api/v1/admin/plugins} shows it.
 *
 * @param version  the running version; for a plugin that never started, the version that failed
 * @param provides the extension points (SPI interfaces of {@code org.revos.api.*}) its services implement, ids such
 *                 as {@code kpi:hello_count} taken from {@code revos.<kind>.id} service properties, and its REST
 *                 operations such as {@code GET /api/v1/hello}
 * @param error    the last error: why it is FAILED, or why the last attempt to replace it failed; {@code null} if none
 * @param calls    what the plugin gateway has seen of calls into it, empty when it was never called
 * @param signed   who signed the running (or failed) jar, {@code null} when it is not signed
 */
public record PluginView(String id, String version, PluginState state, List<String> provides, String error,
        Optional<CallRecord> calls, Signed signed) {

    /** The signer of a plugin's jar, and whether the installation trusts it now. */
    public record Signed(String subject, String fingerprint, boolean trusted) {
    }

    public PluginView {
        provides = List.copyOf(provides);
    }

    public PluginView(String id, String version, PluginState state, List<String> provides, String error) {
        this(id, version, state, provides, error, Optional.empty(), null);
    }

    /** @return this view saying who signed the jar */
    public PluginView withSigned(Signed signer) {
        return new PluginView(id, version, state, provides, error, calls, signer);
    }

    /**
     * @return this view with the gateway's record; an ACTIVE plugin fenced off for some tenant is QUARANTINED
     */
    public PluginView withCalls(Optional<CallRecord> record) {
        boolean fenced = record.map(r -> !r.quarantinedFor().isEmpty()).orElse(false);
        PluginState shown = state == PluginState.ACTIVE && fenced ? PluginState.QUARANTINED : state;
        String lastError = error != null ? error : record.map(CallRecord::lastError).orElse(null);
        return new PluginView(id, version, shown, provides, lastError, record, signed);
    }

    /** @return the JSON of the admin API */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", id).put("version", version)
                .put("state", state.name());
        provides.forEach(json.putArray("provides")::add);
        json.put("error", error);
        if (signed == null) {
            json.putNull("signedBy");
        } else {
            json.putObject("signedBy").put("subject", signed.subject()).put("fingerprint", signed.fingerprint())
                    .put("trusted", signed.trusted());
        }
        calls.ifPresent(r -> {
            ObjectNode c = json.putObject("calls").put("count", r.calls()).put("failures", r.failures())
                    .put("timeouts", r.timeouts()).put("rejected", r.rejected())
                    .put("meanMillis", Math.round(r.meanMillis() * 10) / 10.0).put("maxMillis", r.maxMillis());
            r.quarantinedFor().forEach(c.putArray("quarantinedFor")::add);
            if (r.quarantinedFor().isEmpty()) {
                c.putArray("quarantinedFor");
            }
        });
        return json;
    }
}
