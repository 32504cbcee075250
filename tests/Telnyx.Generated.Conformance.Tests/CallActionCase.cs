namespace Telnyx.Generated.Conformance.Tests;

/// <summary>One call action with a request, as the Prism tests send it.</summary>
public sealed record CallActionCase(string Name, string PathSuffix, Func<ICallActionsClient, string, Task<CallControlCommandResponse>> Send)
{
    private const string ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d";

    public override string ToString() => Name;

    /// <summary>Every action with only its required fields (the client adds command_id where Telnyx takes one).</summary>
    public static IEnumerable<CallActionCase> Minimal() =>
    [
        new("UpdateClientState", "client_state_update", (c, id) => c.UpdateClientStateAsync(id, new UpdateClientStateRequest { ClientState = ClientState })),
        new("Refer", "refer", (c, id) => c.ReferAsync(id, new ReferRequest { SipAddress = "sip:agent@example.com" })),
        new("SendDtmf", "send_dtmf", (c, id) => c.SendDtmfAsync(id, new SendDtmfRequest { Digits = "1www2WABCDw9" })),
        new("StartSiprec", "siprec_start", (c, id) => c.StartSiprecAsync(id, new StartSiprecRequest())),
        new("StopSiprec", "siprec_stop", (c, id) => c.StopSiprecAsync(id, new StopSiprecRequest())),
        new("StartNoiseSuppression", "suppression_start", (c, id) => c.StartNoiseSuppressionAsync(id, new StartNoiseSuppressionRequest())),
        new("StopNoiseSuppression", "suppression_stop", (c, id) => c.StopNoiseSuppressionAsync(id, new StopNoiseSuppressionRequest())),
        new("SwitchSupervisorRole", "switch_supervisor_role", (c, id) => c.SwitchSupervisorRoleAsync(id, new SwitchSupervisorRoleRequest { Role = SupervisorRole.Whisper })),
    ];

    /// <summary>Every action with every optional field set, nested ones included.</summary>
    public static IEnumerable<CallActionCase> Full() =>
    [
        new("UpdateClientState", "client_state_update", (c, id) => c.UpdateClientStateAsync(id, new UpdateClientStateRequest { ClientState = ClientState })),
        new("Refer", "refer", (c, id) => c.ReferAsync(id, new ReferRequest
        {
            ClientState = ClientState,
            CommandId = "891510ac-f3e4-11e8-af5b-de00688a4901",
            CustomHeaders = [new CustomSipHeader { Name = "X-Head-1", Value = "val_1" }, new CustomSipHeader { Name = "X-Head-2", Value = "val_2" }],
            SipAddress = "sip:agent@example.com",
            SipAuthPassword = "s3cret",
            SipAuthUsername = "agent",
            SipHeaders = [new SipHeader { Name = SipHeaderName.UserToUser, Value = "342342ef34;encoding=hex" }],
        })),
        new("SendDtmf", "send_dtmf", (c, id) => c.SendDtmfAsync(id, new SendDtmfRequest
        {
            ClientState = ClientState,
            CommandId = "891510ac-f3e4-11e8-af5b-de00688a4902",
            Digits = "1www2WABCDw9*#",
            DurationMillis = 500,
        })),
        new("StartSiprec", "siprec_start", (c, id) => c.StartSiprecAsync(id, new StartSiprecRequest
        {
            ClientState = ClientState,
            ConnectorName = "my-siprec-connector",
            IncludeMetadataCustomHeaders = true,
            Secure = false,
            SessionTimeoutSecs = 900,
            SipTransport = SipTransport.Tls,
            SiprecTrack = SiprecTrack.OutboundTrack,
        })),
        new("StopSiprec", "siprec_stop", (c, id) => c.StopSiprecAsync(id, new StopSiprecRequest
        {
            ClientState = ClientState,
            CommandId = "891510ac-f3e4-11e8-af5b-de00688a4903",
        })),
        new("StartNoiseSuppression", "suppression_start", (c, id) => c.StartNoiseSuppressionAsync(id, new StartNoiseSuppressionRequest
        {
            ClientState = ClientState,
            CommandId = "891510ac-f3e4-11e8-af5b-de00688a4904",
            Direction = NoiseSuppressionDirection.Both,
            NoiseSuppressionEngine = NoiseSuppressionEngine.QuailVoiceFocusXs,
            NoiseSuppressionEngineConfig = new NoiseSuppressionEngineConfig
            {
                AttenuationLimit = 80,
                EnhancementLevel = 0.5,
                Family = NoiseSuppressionModelFamily.Quail,
                Mode = NoiseSuppressionMode.Advanced,
                Model = NoiseSuppressionKrispModel.KrispVivaTelLiteV1,
                Size = NoiseSuppressionModelSize.Vf11L,
                SuppressionLevel = 50.5,
                VoiceGain = 1.5,
            },
        })),
        new("StopNoiseSuppression", "suppression_stop", (c, id) => c.StopNoiseSuppressionAsync(id, new StopNoiseSuppressionRequest
        {
            ClientState = ClientState,
            CommandId = "891510ac-f3e4-11e8-af5b-de00688a4905",
        })),
        new("SwitchSupervisorRole", "switch_supervisor_role", (c, id) => c.SwitchSupervisorRoleAsync(id, new SwitchSupervisorRoleRequest { Role = SupervisorRole.Monitor })),
    ];
}
