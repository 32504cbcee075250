namespace Telnyx.Generated.AspNetCore;

// TEMPORARY: stands in for the generated spec model (TelnyxOperation webhooks roles, TelnyxOperation.EndsCall) until
// it lands on main; replaced by reads of that model, never merged as a hand list.
internal static class SpecModelAdapter
{
    private static readonly Dictionary<string, (string[] Success, string[] Failure)> Map = new(StringComparer.Ordinal)
    {
        ["Refer"] = (["call.refer.completed"], ["call.refer.failed"]),
        ["StartSiprec"] = (["siprec.started"], ["siprec.failed"]),
        ["StopSiprec"] = (["siprec.stopped"], []),
    };

    public static readonly HashSet<string> Completing = [.. Map.Values.SelectMany(r => r.Success.Concat(r.Failure))];

    public static (string[] Success, string[] Failure) Roles(string operationId) =>
        Map.TryGetValue(operationId, out var roles) ? roles : ([], []);

    public static bool EndsCall(string eventType) => eventType == "call.hangup";
}
