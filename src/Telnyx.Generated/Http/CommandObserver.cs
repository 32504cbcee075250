namespace Telnyx.Generated.Http;

/// <summary>
/// Tells code that runs a command which command it was, from the pipeline itself rather than from its caller: an
/// observer set for one async flow (Telnyx.Generated.AspNetCore's <c>ITelnyxCallOutcomes.SendAsync</c>) hears once per
/// command, before its first attempt, the operation and the call. An observer that throws stops the command unsent.
/// </summary>
internal abstract class CommandObserver
{
    private const string CallSegment = "{call_control_id}";

    private static readonly AsyncLocal<CommandObserver?> Current = new();

    /// <summary>The observer of the current async flow; set it inside an async method, so it ends with that method.</summary>
    public static CommandObserver? Active
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>Called by <see cref="TelnyxPipelineHandler"/> once per command, before anything is sent.</summary>
    public static ValueTask NotifyAsync(HttpRequestMessage request, CallOperation operation, CancellationToken cancellationToken) =>
        Current.Value is { } observer ? observer.SendingAsync(operation, CallControlId(request, operation), cancellationToken) : ValueTask.CompletedTask;

    /// <summary>
    /// The call the request is for: the path segment where the operation's template has <c>{call_control_id}</c>,
    /// unescaped; null when the template has none or the path does not fit it.
    /// </summary>
    public static string? CallControlId(HttpRequestMessage request, CallOperation operation)
    {
        var template = operation.PathTemplate.Trim('/').Split('/');
        var index = Array.IndexOf(template, CallSegment);
        var path = request.RequestUri?.AbsolutePath.Trim('/').Split('/');
        if (index < 0 || path is null || path.Length < template.Length)
        {
            return null;
        }

        return Uri.UnescapeDataString(path[path.Length - template.Length + index]);
    }

    /// <summary>The command about to be sent: its operation and the call it is for (null when not known).</summary>
    protected abstract ValueTask SendingAsync(CallOperation operation, string? callControlId, CancellationToken cancellationToken);
}
