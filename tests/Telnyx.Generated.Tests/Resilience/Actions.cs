namespace Telnyx.Generated.Tests.Resilience;

/// <summary>Each of the eight actions, callable by its wire name with a minimal valid request.</summary>
internal static class Actions
{
    public static readonly string[] WithCommandId = ["refer", "send_dtmf", "siprec_stop", "suppression_start", "suppression_stop"];
    public static readonly string[] NotIdempotent = ["siprec_start", "switch_supervisor_role"];
    public static readonly string[] RetriedOnAnyFailure = [.. WithCommandId, "client_state_update"];
    public static readonly string[] All = [.. RetriedOnAnyFailure, .. NotIdempotent];

    public static Task<CallControlCommandResponse> Call(ITelnyxClient client, string action, string? commandId = null, CancellationToken cancellationToken = default, string callControlId = "v3:call-id") =>
        Call(client, action, Request(action, commandId), cancellationToken, callControlId);

    public static Task<CallControlCommandResponse> Call(ITelnyxClient client, string action, object request, CancellationToken cancellationToken = default, string callControlId = "v3:call-id")
    {
        var a = client.Calls.Actions;
        return action switch
        {
            "client_state_update" => a.UpdateClientStateAsync(callControlId, (UpdateClientStateRequest)request, cancellationToken),
            "refer" => a.ReferAsync(callControlId, (ReferRequest)request, cancellationToken),
            "send_dtmf" => a.SendDtmfAsync(callControlId, (SendDtmfRequest)request, cancellationToken),
            "siprec_start" => a.StartSiprecAsync(callControlId, (StartSiprecRequest)request, cancellationToken),
            "siprec_stop" => a.StopSiprecAsync(callControlId, (StopSiprecRequest)request, cancellationToken),
            "suppression_start" => a.StartNoiseSuppressionAsync(callControlId, (StartNoiseSuppressionRequest)request, cancellationToken),
            "suppression_stop" => a.StopNoiseSuppressionAsync(callControlId, (StopNoiseSuppressionRequest)request, cancellationToken),
            "switch_supervisor_role" => a.SwitchSupervisorRoleAsync(callControlId, (SwitchSupervisorRoleRequest)request, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    public static object Request(string action, string? commandId = null) => action switch
    {
        "client_state_update" => new UpdateClientStateRequest { ClientState = "aGk=" },
        "refer" => new ReferRequest { SipAddress = "sip:a@b.c", CommandId = commandId },
        "send_dtmf" => new SendDtmfRequest { Digits = "1", CommandId = commandId },
        "siprec_start" => new StartSiprecRequest(),
        "siprec_stop" => new StopSiprecRequest { CommandId = commandId },
        "suppression_start" => new StartNoiseSuppressionRequest { CommandId = commandId },
        "suppression_stop" => new StopNoiseSuppressionRequest { CommandId = commandId },
        "switch_supervisor_role" => new SwitchSupervisorRoleRequest { Role = SupervisorRole.Barge },
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string? CommandIdOf(object request) => (string?)request.GetType().GetProperty("CommandId")?.GetValue(request);
}
