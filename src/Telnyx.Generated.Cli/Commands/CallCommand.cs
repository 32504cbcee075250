using System.CommandLine;
using System.Reflection;
using System.Runtime.Serialization;
using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Cli.Commands;

/// <summary>
/// <c>call &lt;action&gt; &lt;call-control-id&gt;</c>: any of the eight actions, with an option for every body field
/// (<c>--sip-address</c> for <c>sip_address</c>), against the emulator (<c>--base-url</c>) or the real API.
/// </summary>
internal static class CallCommand
{
    private static readonly Field ClientState = new("client_state", "Base64 state echoed in later webhooks.");
    private static readonly Field CommandId = new("command_id", "De-duplication id; default: a new UUID, printed so you can replay it.");

    private static readonly ActionSpec[] Actions =
    [
        new("client_state_update", "Update the client state echoed in later webhooks.", (a, id, b, ct) => a.UpdateClientStateAsync(id, b.ToObject<UpdateClientStateRequest>()!, ct),
            [ClientState with { Required = true }]),
        new("refer", "SIP REFER the call to another address.", (a, id, b, ct) => a.ReferAsync(id, b.ToObject<ReferRequest>()!, ct),
            [new("sip_address", "SIP URI to refer the call to.") { Required = true }, ClientState, CommandId,
             new("custom_headers", "Custom SIP header as name=value (repeatable).") { Kind = FieldKind.Headers, OptionName = "custom-header" },
             new("sip_headers", "SIP header as name=value; only User-to-User (repeatable).") { Kind = FieldKind.Headers, OptionName = "sip-header" },
             new("sip_auth_username", "SIP authentication username."), new("sip_auth_password", "SIP authentication password.")]),
        new("send_dtmf", "Send DTMF digits (0-9 A-D * #, w/W pauses).", (a, id, b, ct) => a.SendDtmfAsync(id, b.ToObject<SendDtmfRequest>()!, ct),
            [new("digits", "Digits to send.") { Required = true }, new("duration_millis", "Milliseconds per digit (100-500).") { Kind = FieldKind.Integer }, ClientState, CommandId]),
        new("siprec_start", "Start a SIPREC session to the connector's SRS.", (a, id, b, ct) => a.StartSiprecAsync(id, b.ToObject<StartSiprecRequest>()!, ct),
            [ClientState, new("connector_name", "SIPREC connector name."),
             new("include_metadata_custom_headers", "Send custom parameters as metadata.") { Kind = FieldKind.Boolean },
             new("secure", "Encrypt media with SRTP and TLS.") { Kind = FieldKind.Boolean },
             new("session_timeout_secs", "Session-Expires seconds (0 disables, minimum 90).") { Kind = FieldKind.Integer },
             Enum<SipTransport>("sip_transport", "SIP transport."), Enum<SiprecTrack>("siprec_track", "Which track to record.")]),
        new("siprec_stop", "Stop the SIPREC session.", (a, id, b, ct) => a.StopSiprecAsync(id, b.ToObject<StopSiprecRequest>()!, ct), [ClientState, CommandId]),
        new("suppression_start", "Start noise suppression (beta).", (a, id, b, ct) => a.StartNoiseSuppressionAsync(id, b.ToObject<StartNoiseSuppressionRequest>()!, ct),
            [ClientState, CommandId, Enum<NoiseSuppressionDirection>("direction", "Which audio to clean."),
             Enum<NoiseSuppressionEngine>("noise_suppression_engine", "Engine.") with { OptionName = "engine" },
             new("noise_suppression_engine_config.attenuation_limit", "DeepFilterNet attenuation limit (0-100).") { Kind = FieldKind.Integer },
             new("noise_suppression_engine_config.enhancement_level", "AiCoustics enhancement (0.0-1.0).") { Kind = FieldKind.Number },
             Enum<NoiseSuppressionModelFamily>("noise_suppression_engine_config.family", "AiCoustics model family."),
             Enum<NoiseSuppressionMode>("noise_suppression_engine_config.mode", "DeepFilterNet mode."),
             Enum<NoiseSuppressionKrispModel>("noise_suppression_engine_config.model", "Krisp model."),
             Enum<NoiseSuppressionModelSize>("noise_suppression_engine_config.size", "AiCoustics model size."),
             new("noise_suppression_engine_config.suppression_level", "Krisp suppression level (0-100).") { Kind = FieldKind.Number },
             new("noise_suppression_engine_config.voice_gain", "AiCoustics voice gain (0.1-4.0).") { Kind = FieldKind.Number }]),
        new("suppression_stop", "Stop noise suppression (beta).", (a, id, b, ct) => a.StopNoiseSuppressionAsync(id, b.ToObject<StopNoiseSuppressionRequest>()!, ct), [ClientState, CommandId]),
        new("switch_supervisor_role", "Switch the supervisor role on a bridged call.", (a, id, b, ct) => a.SwitchSupervisorRoleAsync(id, b.ToObject<SwitchSupervisorRoleRequest>()!, ct),
            [Enum<SupervisorRole>("role", "barge, whisper or monitor.") with { Required = true }]),
    ];

    private enum FieldKind
    {
        String,
        Integer,
        Number,
        Boolean,
        Headers,
    }

    public static Command Create(CliConsole console)
    {
        var baseUrl = CliParsing.UrlOption("--base-url", "API root: the emulator's base URL, or the real API.", TelnyxClientOptions.DefaultBaseUrl);
        baseUrl.Recursive = true;
        var apiKey = new Option<string?>("--api-key") { Description = "API key (default: the TELNYX_API_KEY environment variable).", Recursive = true };
        var retries = new Option<int>("--max-retries") { Description = "Retries on transient failures.", DefaultValueFactory = _ => 2, Recursive = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds allowed per attempt.", DefaultValueFactory = _ => 30, Recursive = true };
        var call = new Command("call", "Invoke a call action: telnyx-calls call <action> <call-control-id> [--field value ...].") { baseUrl, apiKey, retries, timeout };

        foreach (var action in Actions)
        {
            var id = new Argument<string>("call-control-id") { Description = "The call's call_control_id." };
            var sub = new Command(action.Name, action.Description) { id };
            if (action.Name.Contains('_', StringComparison.Ordinal))
            {
                sub.Aliases.Add(action.Name.Replace('_', '-'));
            }

            var options = new List<(Field Field, Option Option)>();
            foreach (var field in action.Fields)
            {
                Option option = field.Kind switch
                {
                    FieldKind.Integer => new Option<long?>("--" + field.Option),
                    FieldKind.Number => new Option<double?>("--" + field.Option),
                    FieldKind.Boolean => new Option<bool?>("--" + field.Option),
                    FieldKind.Headers => new Option<string[]>("--" + field.Option) { AllowMultipleArgumentsPerToken = false },
                    _ => new Option<string?>("--" + field.Option),
                };
                option.Description = field.Description;
                option.Required = field.Required;
                if (field.Values is { } values && option is Option<string?> text)
                {
                    text.AcceptOnlyFromAmong(values);
                }

                if (field.Kind == FieldKind.Headers)
                {
                    option.Validators.Add(r =>
                    {
                        foreach (var token in r.Tokens)
                        {
                            if (token.Value.IndexOf('=', StringComparison.Ordinal) < 1)
                            {
                                r.AddError($"--{field.Option} takes name=value; got '{token.Value}'.");
                            }
                        }
                    });
                }

                sub.Options.Add(option);
                options.Add((field, option));
            }

            sub.SetAction((parse, ct) =>
            {
                var body = new JObject();
                foreach (var (field, option) in options)
                {
                    if (Value(parse, option) is { } value)
                    {
                        Set(body, field.Json, value);
                    }
                }

                return InvokeAsync(console, action, parse.GetValue(id)!, body, parse.GetValue(baseUrl)!, parse.GetValue(apiKey), parse.GetValue(retries), parse.GetValue(timeout), ct);
            });
            call.Subcommands.Add(sub);
        }

        return call;
    }

    private static async Task<int> InvokeAsync(CliConsole console, ActionSpec action, string callControlId, JObject body, Uri baseUrl, string? apiKey, int retries, double timeout, CancellationToken cancellationToken)
    {
        if (action.Fields.Contains(CommandId) && body["command_id"] is null)
        {
            body["command_id"] = Guid.NewGuid().ToString();
        }

        TelnyxClient client;
        try
        {
            client = new TelnyxClient(new TelnyxClientOptions { ApiKey = apiKey, BaseUrl = baseUrl, MaxRetries = retries, Timeout = TimeSpan.FromSeconds(timeout) });
        }
        catch (ArgumentException e)
        {
            await console.Error.WriteLineAsync($"error: {CliParsing.Message(e).Replace("TelnyxClientOptions.ApiKey", "--api-key", StringComparison.Ordinal)}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using (client)
        {
            try
            {
                var response = await action.Invoke(client.Calls.Actions, callControlId, body, cancellationToken).ConfigureAwait(false);
                await console.Out.WriteLineAsync($"{action.Name}: {response.Data?.Result ?? "(no result)"}").ConfigureAwait(false);
                if (body["command_id"] is { } commandId)
                {
                    await console.Out.WriteLineAsync($"command_id: {commandId}").ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }
            catch (TelnyxAuthenticationException e)
            {
                await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Unauthorized;
            }
            catch (TelnyxApiException e)
            {
                await console.Error.WriteLineAsync($"error: {action.Name} answered {e.StatusCode}:").ConfigureAwait(false);
                foreach (var error in e.Errors)
                {
                    var pointer = error.Source?.Pointer is { } p ? $" ({p})" : string.Empty;
                    await console.Error.WriteLineAsync($"  {error.Code} {error.Title}{pointer}: {error.Detail}").ConfigureAwait(false);
                }

                return ExitCodes.Failed;
            }
            catch (Exception e) when (e is TelnyxConnectionException or TelnyxTimeoutException)
            {
                await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Unreachable;
            }
        }
    }

    private static object? Value(ParseResult parse, Option option) => option switch
    {
        Option<long?> o => parse.GetValue(o),
        Option<double?> o => parse.GetValue(o),
        Option<bool?> o => parse.GetValue(o),
        Option<string[]> o => parse.GetValue(o) is { Length: > 0 } headers
            ? new JArray(headers.Select(h => new JObject { ["name"] = h[..h.IndexOf('=', StringComparison.Ordinal)], ["value"] = h[(h.IndexOf('=', StringComparison.Ordinal) + 1)..] }))
            : null,
        Option<string?> o => parse.GetValue(o),
        _ => null,
    };

    private static void Set(JObject body, string path, object value)
    {
        var parts = path.Split('.');
        var target = body;
        foreach (var part in parts[..^1])
        {
            target = (JObject)(target[part] ??= new JObject());
        }

        target[parts[^1]] = value as JToken ?? JToken.FromObject(value);
    }

    private static Field Enum<TEnum>(string json, string description)
        where TEnum : struct, System.Enum =>
        new(json, description)
        {
            Values = [.. typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name)],
        };

    private sealed record ActionSpec(string Name, string Description, Func<ICallActionsClient, string, JObject, CancellationToken, Task<CallControlCommandResponse>> Invoke, Field[] Fields);

    private sealed record Field(string Json, string Description)
    {
        public bool Required { get; init; }

        public FieldKind Kind { get; init; } = FieldKind.String;

        public string[]? Values { get; init; }

        public string? OptionName { get; init; }

        public string Option => OptionName ?? Json[(Json.LastIndexOf('.') + 1)..].Replace('_', '-');
    }
}
