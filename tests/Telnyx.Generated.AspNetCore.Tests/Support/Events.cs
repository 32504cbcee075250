namespace Telnyx.Generated.AspNetCore.Tests;

/// <summary>Webhook bodies shaped like Telnyx's deliveries (see tests/Fixtures/telnyx-webhook-examples.json).</summary>
internal static class Events
{
    public static string ReferStarted(string id) => $$$$"""
        {"data":{"record_type":"event","event_type":"call.refer.started","id":"{{{{id}}}}","occurred_at":"2026-11-24T10:00:00.000000Z",
        "payload":{"call_control_id":"v3:abc","call_leg_id":"leg-1","call_session_id":"session-1","connection_id":"7267","client_state":null,
        "from":"+15550001111","to":"sip:agent@example.com"}},"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks/telnyx"}}
        """;

    public static string Unknown(string id) => $$$$"""
        {"data":{"record_type":"event","event_type":"call.hangup","id":"{{{{id}}}}","occurred_at":"2026-11-24T10:00:00.000000Z","payload":{"hangup_cause":"normal_clearing"}}}
        """;
}
