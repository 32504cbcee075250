namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// Which of the events an operation lists one command delivers, by what the event types say, never by action:
/// <list type="bullet">
/// <item>A failure (<c>*.failed</c>, <c>*.error</c>) is delivered only when the command was made to fail, and then in
/// place of the last success event of its kind: a rejected refer gives <c>call.refer.started</c>, <c>call.refer.failed</c>;
/// a failed <c>siprec_start</c> gives <c>siprec.failed</c>.</item>
/// <item>What an operation begins (<c>*.started</c>, <c>call.initiated</c>) goes on until something else ends it, so
/// it does not also deliver the end (<c>*.stopped</c>, <c>call.hangup</c>): <c>siprec_start</c> gives
/// <c>siprec.started</c>; <c>siprec_stop</c>, which lists only <c>siprec.stopped</c>, delivers that.</item>
/// </list>
/// </summary>
internal static class EventOutcomes
{
    /// <summary>The event that ends a call: once delivered for a call, later commands on it get 90018.</summary>
    public const string CallEnded = "call.hangup";

    // The last word of a beginning, and of the end of what it began.
    private static readonly (string Begins, string Ends)[] Lifecycles = [("started", "stopped"), ("initiated", "hangup")];

    /// <summary>The events one command delivers, in the order listed.</summary>
    public static IReadOnlyList<string> Delivered(IReadOnlyList<string> listed, bool failing)
    {
        var delivered = listed.Where(e => !IsFailure(e) && !EndsWhatItBegins(e, listed)).ToList();
        if (failing)
        {
            foreach (var failure in listed.Where(IsFailure))
            {
                var replaced = delivered.FindLastIndex(e => Kind(e) == Kind(failure));
                if (replaced >= 0)
                {
                    delivered[replaced] = failure;
                }
                else
                {
                    delivered.Add(failure);
                }
            }
        }

        return delivered;
    }

    /// <summary>Whether the event reports a failure: its last word is <c>failed</c> or <c>error</c>.</summary>
    public static bool IsFailure(string eventType) => Word(eventType) is "failed" or "error";

    private static bool EndsWhatItBegins(string eventType, IReadOnlyList<string> listed) =>
        Lifecycles.Any(l => Word(eventType) == l.Ends && listed.Contains($"{Kind(eventType)}.{l.Begins}"));

    // call.refer.failed: kind call.refer, word failed.
    private static string Kind(string eventType) => eventType[..Math.Max(eventType.LastIndexOf('.'), 0)];

    private static string Word(string eventType) => eventType[(eventType.LastIndexOf('.') + 1)..];
}
