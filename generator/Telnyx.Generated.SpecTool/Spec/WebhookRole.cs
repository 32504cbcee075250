namespace Telnyx.Generated.SpecTool;

/// <summary>
/// What one event an operation lists in <c>x-telnyx-webhooks</c> means for the command that produced it; the YAML
/// writes the lower-case name (<c>success</c>). The generated <c>TelnyxWebhookRole</c> has the same members.
/// </summary>
internal enum WebhookRole
{
    /// <summary>News about the command, not its end (<c>call.refer.started</c>).</summary>
    Progress,

    /// <summary>The command's successful outcome (<c>call.refer.completed</c>).</summary>
    Success,

    /// <summary>The command's failed outcome (<c>call.refer.failed</c>).</summary>
    Failure,

    /// <summary>Listed by Telnyx for the operation but delivered later by something else (siprec_start's <c>siprec.stopped</c>).</summary>
    Later,
}

/// <summary>The YAML names of <see cref="WebhookRole"/>.</summary>
internal static class WebhookRoles
{
    public static string Name(WebhookRole role) => role.ToString().ToLowerInvariant();

    public static WebhookRole? Parse(string? name) =>
        Enum.GetValues<WebhookRole>().Select(r => (WebhookRole?)r).FirstOrDefault(r => Name(r!.Value) == name);

    /// <summary>The names a reader of the spec sees in an error message.</summary>
    public static string AllNames => string.Join(", ", Enum.GetValues<WebhookRole>().Select(Name));
}
