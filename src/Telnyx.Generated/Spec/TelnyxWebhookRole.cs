namespace Telnyx.Generated;

/// <summary>
/// What an event means for the command that produced it, as spec/telnyx-call-control.yaml states it for each
/// operation (<c>x-telnyx-webhooks</c>).
/// </summary>
public enum TelnyxWebhookRole
{
    /// <summary>News about the command, not its end (<c>call.refer.started</c>).</summary>
    Progress,

    /// <summary>The command's successful outcome (<c>call.refer.completed</c>).</summary>
    Success,

    /// <summary>The command's failed outcome (<c>call.refer.failed</c>).</summary>
    Failure,

    /// <summary>Listed by Telnyx for the operation but delivered later by something else (<c>siprec.stopped</c> for SIPREC start).</summary>
    Later,
}
