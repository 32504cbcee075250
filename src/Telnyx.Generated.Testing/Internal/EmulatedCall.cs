namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// One call's state: changed under the emulator's lock, while holding <see cref="Gate"/>, which each command on the call
/// holds from its first check to queueing its events.
/// </summary>
internal sealed class EmulatedCall(string callControlId, string from, string to)
{
    public Lock Gate { get; } = new();

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
