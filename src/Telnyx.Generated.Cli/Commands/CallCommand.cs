using System.CommandLine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Cli.Commands;

/// <summary>
/// <c>call &lt;action&gt; &lt;call-control-id&gt;</c>: one subcommand per operation of the spec, named for its path
/// segment, with a <see cref="BodyOption"/> per body field, sent through the client method named for its operationId.
/// </summary>
internal static class CallCommand
{
    /// <summary>The command's name; its subcommands are the operations of the spec.</summary>
    public const string Name = "call";

    public static Command Create(CliConsole console)
    {
        // The library's defaults, read from it, so the tool behaves as code using the library does.
        var defaults = new TelnyxClientOptions();
        var baseUrl = CliParsing.UrlOption("--base-url", "API root: the emulator's base URL, or the real API.", TelnyxClientOptions.DefaultBaseUrl);
        baseUrl.Recursive = true;
        var apiKey = new Option<string?>("--api-key") { Description = "API key (default: the TELNYX_API_KEY environment variable).", Recursive = true };
        var retries = new Option<int>("--max-retries") { Description = "Retries on transient failures.", DefaultValueFactory = _ => defaults.MaxRetries, Recursive = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds allowed per attempt, as TelnyxClientOptions.Timeout.", DefaultValueFactory = _ => defaults.Timeout.TotalSeconds, Recursive = true };
        var call = new Command(Name, "Invoke a call action: telnyx-calls call <action> <call-control-id> [--field value ...].") { baseUrl, apiKey, retries, timeout };

        foreach (var action in ClientAction.All)
        {
            var operation = action.Spec;
            var id = new Argument<string>("call-control-id") { Description = "The call's call_control_id." };
            var command = new Command(operation.Action, operation.Summary) { id };
            if (operation.Action.Contains('_', StringComparison.Ordinal))
            {
                command.Aliases.Add(operation.Action.Replace('_', '-'));
            }

            var options = BodyOption.For(operation.OperationId, operation.RequestBody, [baseUrl.Name, apiKey.Name, retries.Name, timeout.Name, "--help"]);
            foreach (var option in options)
            {
                command.Options.Add(option.Option);
            }

            command.SetAction(async (parse, ct) =>
            {
                var body = new JObject();
                foreach (var option in options)
                {
                    if (option.Read(parse) is { } value)
                    {
                        Set(body, option.Path, value);
                    }
                }

                if (Check(operation, options, parse, body) is { Count: > 0 } problems)
                {
                    return await console.UsageErrorAsync(parse, problems).ConfigureAwait(false);
                }

                if (operation.RequestBody.ActualProperties.ContainsKey("command_id") && body["command_id"] is null)
                {
                    body["command_id"] = Guid.NewGuid().ToString();
                }

                var settings = new TelnyxClientOptions { ApiKey = parse.GetValue(apiKey), BaseUrl = parse.GetValue(baseUrl)!, MaxRetries = parse.GetValue(retries), Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
                return await SendAsync(console, parse, action, settings, parse.GetValue(id)!, body, ct).ConfigureAwait(false);
            });
            call.Subcommands.Add(command);
        }

        return call;
    }

    /// <summary>The spec's ranges, patterns and required values, checked as the emulator checks them before anything is sent; each problem names its option.</summary>
    private static List<string> Check(EmulatedOperation operation, IReadOnlyList<BodyOption> options, ParseResult parse, JObject body) =>
        [.. operation.Validate(body.ToString(Formatting.None)).Select(problem =>
        {
            var field = problem.Pointer.TrimStart('/').Replace('/', '.');
            var option = options.LastOrDefault(o => field == o.Path || field.StartsWith(o.Path + ".", StringComparison.Ordinal))?.Option;
            var name = option is null ? problem.Pointer : parse.GetResult(option)?.IdentifierToken?.Value ?? option.Name;
            return $"{name}: {problem.Detail}";
        })];

    private static async Task<int> SendAsync(CliConsole console, ParseResult parse, ClientAction action, TelnyxClientOptions settings, string callControlId, JObject body, CancellationToken cancellationToken)
    {
        TelnyxClient client;
        try
        {
            client = new TelnyxClient(settings);
        }
        catch (ArgumentException e)
        {
            return await console.UsageErrorAsync(parse, [CliParsing.AsOptionNames(CliParsing.Message(e))]).ConfigureAwait(false);
        }

        using (client)
        {
            try
            {
                var response = await action.InvokeAsync(client.Calls.Actions, callControlId, body, cancellationToken).ConfigureAwait(false);
                await console.Out.WriteLineAsync($"{action.Spec.Action}: {response?.Data?.Result ?? "(no result)"}").ConfigureAwait(false);
                if (body["command_id"] is { } commandId)
                {
                    await console.Out.WriteLineAsync($"command_id: {commandId}").ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }
            catch (JsonException e)
            {
                // A value the spec allows but the generated model cannot hold (an int32 given 2^40).
                return await console.UsageErrorAsync(parse, [e.Message]).ConfigureAwait(false);
            }
            catch (TelnyxAuthenticationException e)
            {
                await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Unauthorized;
            }
            catch (TelnyxApiException e)
            {
                await console.Error.WriteLineAsync($"error: {action.Spec.Action} answered {e.StatusCode}:").ConfigureAwait(false);
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

    private static void Set(JObject body, string path, JToken value)
    {
        var parts = path.Split('.');
        var target = body;
        foreach (var part in parts[..^1])
        {
            target = (JObject)(target[part] ??= new JObject());
        }

        target[parts[^1]] = value;
    }
}
