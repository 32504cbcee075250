using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Tests.Actions;

/// <summary>One of the eight actions: how to call it, where it goes, and a request with every field set.</summary>
public sealed class CallAction
{
    private readonly Func<ICallActionsClient, string, object?, Task<CallControlCommandResponse>> _invoke;

    private CallAction(string path, string method, string requestSchema, Func<object> minimal, Func<object> full, string fullJson,
        Func<ICallActionsClient, string, object?, Task<CallControlCommandResponse>> invoke)
    {
        Path = path;
        Method = method;
        RequestSchema = requestSchema;
        Minimal = minimal;
        Full = full;
        FullJson = JObject.Parse(fullJson);
        _invoke = invoke;
    }

    /// <summary>The last path segment (calls/{id}/actions/PATH).</summary>
    public string Path { get; }

    public string Method { get; }

    public string RequestSchema { get; }

    public Func<object> Minimal { get; }

    public Func<object> Full { get; }

    public JObject FullJson { get; }

    public Task<CallControlCommandResponse> InvokeAsync(ICallActionsClient client, string callControlId, object? request) =>
        _invoke(client, callControlId, request);

    public override string ToString() => Path;

    public static readonly CallAction[] All =
    [
        new("client_state_update", "PUT", "UpdateClientStateRequest",
            () => new UpdateClientStateRequest(),
            () => new UpdateClientStateRequest { ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d" },
            """{"client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d"}""",
            (c, id, r) => c.UpdateClientStateAsync(id, (UpdateClientStateRequest)r!)),
        new("refer", "POST", "ReferRequest",
            () => new ReferRequest(),
            () => new ReferRequest
            {
                ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d",
                CommandId = "891510ac-f3e4-11e8-af5b-de00688a4901",
                CustomHeaders = [new CustomSipHeader { Name = "head_1", Value = "val_1" }, new CustomSipHeader { Name = "head_2", Value = "val_2" }],
                SipAddress = "sip:username@sip.non-telnyx-address.com",
                SipAuthPassword = "p4ss",
                SipAuthUsername = "agent",
                SipHeaders = [new SipHeader { Name = SipHeaderName.UserToUser, Value = "value" }],
            },
            """
            {"client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","command_id":"891510ac-f3e4-11e8-af5b-de00688a4901",
             "custom_headers":[{"name":"head_1","value":"val_1"},{"name":"head_2","value":"val_2"}],
             "sip_address":"sip:username@sip.non-telnyx-address.com","sip_auth_password":"p4ss","sip_auth_username":"agent",
             "sip_headers":[{"name":"User-to-User","value":"value"}]}
            """,
            (c, id, r) => c.ReferAsync(id, (ReferRequest)r!)),
        new("send_dtmf", "POST", "SendDtmfRequest",
            () => new SendDtmfRequest(),
            () => new SendDtmfRequest { ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d", CommandId = "cmd-1", Digits = "1www2WABCDw9", DurationMillis = 500 },
            """{"client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","command_id":"cmd-1","digits":"1www2WABCDw9","duration_millis":500}""",
            (c, id, r) => c.SendDtmfAsync(id, (SendDtmfRequest)r!)),
        new("siprec_start", "POST", "StartSiprecRequest",
            () => new StartSiprecRequest(),
            // false and 0 are set on purpose: a value the caller set is sent even when it equals the type's default.
            () => new StartSiprecRequest
            {
                ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d",
                ConnectorName = "my-siprec-connector",
                IncludeMetadataCustomHeaders = true,
                Secure = false,
                SessionTimeoutSecs = 0,
                SipTransport = SipTransport.Tls,
                SiprecTrack = SiprecTrack.OutboundTrack,
            },
            """
            {"client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","connector_name":"my-siprec-connector","include_metadata_custom_headers":true,
             "secure":false,"session_timeout_secs":0,"sip_transport":"tls","siprec_track":"outbound_track"}
            """,
            (c, id, r) => c.StartSiprecAsync(id, (StartSiprecRequest)r!)),
        new("siprec_stop", "POST", "StopSiprecRequest",
            () => new StopSiprecRequest(),
            () => new StopSiprecRequest { ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d", CommandId = "cmd-2" },
            """{"client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","command_id":"cmd-2"}""",
            (c, id, r) => c.StopSiprecAsync(id, (StopSiprecRequest)r!)),
        new("suppression_start", "POST", "StartNoiseSuppressionRequest",
            () => new StartNoiseSuppressionRequest(),
            () => new StartNoiseSuppressionRequest
            {
                ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d",
                CommandId = "cmd-3",
                Direction = NoiseSuppressionDirection.Both,
                NoiseSuppressionEngine = NoiseSuppressionEngine.AiCoustics,
                NoiseSuppressionEngineConfig = new NoiseSuppressionEngineConfig
                {
                    AttenuationLimit = 0,
                    EnhancementLevel = 0.5,
                    Family = NoiseSuppressionModelFamily.Quail,
                    Mode = NoiseSuppressionMode.Advanced,
                    Model = NoiseSuppressionKrispModel.KrispVivaProV1,
                    Size = NoiseSuppressionModelSize.Vf11L,
                    SuppressionLevel = 50.5,
                    VoiceGain = 1.5,
                },
            },
            """
            {"client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","command_id":"cmd-3","direction":"both","noise_suppression_engine":"AiCoustics",
             "noise_suppression_engine_config":{"attenuation_limit":0,"enhancement_level":0.5,"family":"quail","mode":"advanced",
               "model":"krisp-viva-pro-v1.kef","size":"vf_1_1_l","suppression_level":50.5,"voice_gain":1.5}}
            """,
            (c, id, r) => c.StartNoiseSuppressionAsync(id, (StartNoiseSuppressionRequest)r!)),
        new("suppression_stop", "POST", "StopNoiseSuppressionRequest",
            () => new StopNoiseSuppressionRequest(),
            () => new StopNoiseSuppressionRequest { ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d", CommandId = "cmd-4" },
            """{"client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","command_id":"cmd-4"}""",
            (c, id, r) => c.StopNoiseSuppressionAsync(id, (StopNoiseSuppressionRequest)r!)),
        new("switch_supervisor_role", "POST", "SwitchSupervisorRoleRequest",
            () => new SwitchSupervisorRoleRequest(),
            () => new SwitchSupervisorRoleRequest { Role = SupervisorRole.Whisper },
            """{"role":"whisper"}""",
            (c, id, r) => c.SwitchSupervisorRoleAsync(id, (SwitchSupervisorRoleRequest)r!)),
    ];

    public static IEnumerable<TestCaseData> Cases() => All.Select(a => new TestCaseData(a).SetArgDisplayNames(a.Path));
}
