namespace Telnyx.Generated.Benchmarks.Commands;

/// <summary>
/// One realistic body per action. Each instance is used by one side of a benchmark only: the hand-written baseline
/// sets its own command_id on its copy, while TelnyxClient's pipeline adds one to the serialised bytes.
/// </summary>
public sealed class SampleRequests
{
    public const string CallControlId = "v3:OycMASgvIjsGIAVEx8x3n9rYeKnUJx6a3V8VGhs5futnr17KZhujZA";

    public UpdateClientStateRequest UpdateClientState { get; } = new() { ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d" };

    public ReferRequest Refer { get; } = new()
    {
        SipAddress = "sip:agent@example.com",
        ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d",
        SipAuthUsername = "agent",
        SipAuthPassword = "s3cret",
    };

    public SendDtmfRequest SendDtmf { get; } = new() { Digits = "1www2WABCDw9", DurationMillis = 250 };

    public StartSiprecRequest StartSiprec { get; } = new()
    {
        ConnectorName = "my-siprec-connector",
        SipTransport = SipTransport.Tcp,
        SiprecTrack = SiprecTrack.InboundTrack,
        SessionTimeoutSecs = 900,
    };

    public StopSiprecRequest StopSiprec { get; } = new() { ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d" };

    public StartNoiseSuppressionRequest StartNoiseSuppression { get; } = new()
    {
        Direction = NoiseSuppressionDirection.Inbound,
        NoiseSuppressionEngine = NoiseSuppressionEngine.DeepFilterNet,
    };

    public StopNoiseSuppressionRequest StopNoiseSuppression { get; } = new() { ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d" };

    public SwitchSupervisorRoleRequest SwitchSupervisorRole { get; } = new() { Role = SupervisorRole.Whisper };

    /// <summary>Sends <paramref name="action"/> through the generated client (normally TelnyxClient.Calls.Actions).</summary>
    public Task<CallControlCommandResponse> SendAsync(ICallActionsClient actions, CallAction action, CancellationToken cancellationToken = default) => action switch
    {
        CallAction.UpdateClientState => actions.UpdateClientStateAsync(CallControlId, UpdateClientState, cancellationToken),
        CallAction.Refer => actions.ReferAsync(CallControlId, Refer, cancellationToken),
        CallAction.SendDtmf => actions.SendDtmfAsync(CallControlId, SendDtmf, cancellationToken),
        CallAction.StartSiprec => actions.StartSiprecAsync(CallControlId, StartSiprec, cancellationToken),
        CallAction.StopSiprec => actions.StopSiprecAsync(CallControlId, StopSiprec, cancellationToken),
        CallAction.StartNoiseSuppression => actions.StartNoiseSuppressionAsync(CallControlId, StartNoiseSuppression, cancellationToken),
        CallAction.StopNoiseSuppression => actions.StopNoiseSuppressionAsync(CallControlId, StopNoiseSuppression, cancellationToken),
        CallAction.SwitchSupervisorRole => actions.SwitchSupervisorRoleAsync(CallControlId, SwitchSupervisorRole, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
