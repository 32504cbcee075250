namespace Telnyx.Generated.Testing.Internal;

/// <summary>One call's state; guarded by the emulator's lock.</summary>
internal sealed class EmulatedCall(string callControlId, string from, string to)
{
    public string CallControlId { get; } = callControlId;

    public string CallLegId { get; } = Guid.NewGuid().ToString();

    public string CallSessionId { get; } = Guid.NewGuid().ToString();

    public string ConnectionId { get; } = "1494404757140276705";

    public string From { get; } = from;

    public string To { get; } = to;

    public string? ClientState { get; set; }

    public bool Ended { get; set; }

    public HashSet<string> CommandIds { get; } = new(StringComparer.Ordinal);
}
