namespace Telnyx.Generated.Http;

/// <summary>How Telnyx treats a repeat of an action, which decides what may be retried.</summary>
internal enum RepeatSafety
{
    /// <summary>Telnyx drops a repeated <c>command_id</c>: the client always sends one, so any failure may be retried.</summary>
    CommandId,

    /// <summary>The action is idempotent by nature (PUT client_state_update): any failure may be retried.</summary>
    Idempotent,

    /// <summary>No de-duplication: retry only when the request surely was not processed (not sent, 429, 503).</summary>
    NotIdempotent,
}

/// <summary>The per-action rules the spec cannot express, keyed by the last path segment.</summary>
internal static class CallCommand
{
    // Which request bodies carry command_id is checked against spec/ by a contract test.
    private static readonly Dictionary<string, RepeatSafety> Actions = new(StringComparer.Ordinal)
    {
        ["client_state_update"] = RepeatSafety.Idempotent,
        ["refer"] = RepeatSafety.CommandId,
        ["send_dtmf"] = RepeatSafety.CommandId,
        ["siprec_start"] = RepeatSafety.NotIdempotent,
        ["siprec_stop"] = RepeatSafety.CommandId,
        ["suppression_start"] = RepeatSafety.CommandId,
        ["suppression_stop"] = RepeatSafety.CommandId,
        ["switch_supervisor_role"] = RepeatSafety.NotIdempotent,
    };

    public static IReadOnlyDictionary<string, RepeatSafety> All => Actions;

    private static readonly Dictionary<string, RepeatSafety>.AlternateLookup<ReadOnlySpan<char>> BySpan = Actions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Finds the action from a request URI; unknown paths are treated as not idempotent.</summary>
    public static (string Action, RepeatSafety Safety) Classify(Uri? uri)
    {
        // The last segment of the string the generated client built: Uri.AbsolutePath would parse and allocate the
        // whole URI on every call. A query or fragment is not part of the path.
        var path = (uri?.OriginalString ?? string.Empty).AsSpan();
        var end = path.IndexOfAny('?', '#');
        if (end >= 0)
        {
            path = path[..end];
        }

        var segment = path[(path.LastIndexOf('/') + 1)..];
        return BySpan.TryGetValue(segment, out var action, out var safety) ? (action, safety) : (segment.ToString(), RepeatSafety.NotIdempotent);
    }

    /// <summary>The path with the call id replaced, for logs and messages: a call_control_id is a bearer token for the call.</summary>
    public static string PathTemplate(string action) => "calls/{call_control_id}/actions/" + action;
}
