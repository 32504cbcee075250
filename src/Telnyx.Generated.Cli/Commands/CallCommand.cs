using System.CommandLine;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Cli.Commands;

/// <summary>
/// <c>call &lt;action&gt; &lt;call-control-id&gt;</c>: one subcommand per operation of the spec, named for its path
/// segment, with a <see cref="BodyOption"/> per body field, sent through the client method named for its operationId.
/// </summary>
internal static class CallCommand
{
    public static Command Create(CliConsole console)
    {
        var baseUrl = CliParsing.UrlOption("--base-url", "API root: the emulator's base URL, or the real API.", TelnyxClientOptions.DefaultBaseUrl);
        baseUrl.Recursive = true;
        var apiKey = new Option<string?>("--api-key") { Description = "API key (default: the TELNYX_API_KEY environment variable).", Recursive = true };
        var retries = new Option<int>("--max-retries") { Description = "Retries on transient failures.", DefaultValueFactory = _ => 2, Recursive = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds allowed per attempt.", DefaultValueFactory = _ => 30, Recursive = true };
        var call = new Command("call", "Invoke a call action: telnyx-calls call <action> <call-control-id> [--field value ...].") { baseUrl, apiKey, retries, timeout };

        foreach (var operation in CallControlSpec.Operations.Values)
        {
            var id = new Argument<string>("call-control-id") { Description = "The call's call_control_id." };
            var command = new Command(operation.Action, operation.Operation.Summary) { id };
            if (operation.Action.Contains('_', StringComparison.Ordinal))
            {
                command.Aliases.Add(operation.Action.Replace('_', '-'));
            }

            var options = BodyOption.For(operation.Operation.OperationId, operation.Body, [baseUrl.Name, apiKey.Name, retries.Name, timeout.Name, "--help"]);
            foreach (var option in options)
            {
                command.Options.Add(option.Option);
            }

            var method = typeof(ICallActionsClient).GetMethod(operation.Operation.OperationId + "Async")
                ?? throw new InvalidOperationException($"ICallActionsClient has no {operation.Operation.OperationId}Async for {operation.Action}.");
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

                // The spec's ranges, patterns and required values, checked before anything is sent.
                var problems = BodyValidator.Validate(operation.Body, body);
                foreach (var problem in problems)
                {
                    var field = problem.Pointer.TrimStart('/').Replace('/', '.');
                    var option = options.LastOrDefault(o => field == o.Path || field.StartsWith(o.Path + ".", StringComparison.Ordinal))?.Option;
                    var name = option is null ? null : parse.GetResult(option)?.IdentifierToken?.Value ?? option.Name;
                    await console.Error.WriteLineAsync($"error: {name ?? problem.Pointer}: {problem.Detail}").ConfigureAwait(false);
                }

                if (problems.Count > 0)
                {
                    return ExitCodes.Usage;
                }

                if (operation.TakesCommandId && body["command_id"] is null)
                {
                    body["command_id"] = Guid.NewGuid().ToString();
                }

                var client = new Client(console, operation.Action, parse.GetValue(baseUrl)!, parse.GetValue(apiKey), parse.GetValue(retries), parse.GetValue(timeout));
                return await client.SendAsync(method, parse.GetValue(id)!, body, ct).ConfigureAwait(false);
            });
            call.Subcommands.Add(command);
        }

        return call;
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

    /// <summary>Sends one command through <see cref="TelnyxClient"/> and turns its outcome into output and an exit code.</summary>
    private sealed record Client(CliConsole Console, string Action, Uri BaseUrl, string? ApiKey, int Retries, double Timeout)
    {
        public async Task<int> SendAsync(MethodInfo method, string callControlId, JObject body, CancellationToken cancellationToken)
        {
            TelnyxClient client;
            try
            {
                client = new TelnyxClient(new TelnyxClientOptions { ApiKey = ApiKey, BaseUrl = BaseUrl, MaxRetries = Retries, Timeout = TimeSpan.FromSeconds(Timeout) });
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"error: {CliParsing.Message(e).Replace("TelnyxClientOptions.ApiKey", "--api-key", StringComparison.Ordinal)}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            using (client)
            {
                try
                {
                    // The generated method's parameters: the call control id, the request body (if any), the token.
                    var arguments = method.GetParameters().Select(p =>
                        p.ParameterType == typeof(string) ? callControlId
                        : p.ParameterType == typeof(CancellationToken) ? cancellationToken
                        : body.ToObject(p.ParameterType)).ToArray();
                    var task = (Task)method.Invoke(client.Calls.Actions, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
                    await task.ConfigureAwait(false);
                    var response = task.GetType().GetProperty(nameof(Task<object>.Result))?.GetValue(task) as CallControlCommandResponse;
                    await Console.Out.WriteLineAsync($"{Action}: {response?.Data?.Result ?? "(no result)"}").ConfigureAwait(false);
                    if (body["command_id"] is { } commandId)
                    {
                        await Console.Out.WriteLineAsync($"command_id: {commandId}").ConfigureAwait(false);
                    }

                    return ExitCodes.Ok;
                }
                catch (JsonException e)
                {
                    await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
                catch (TelnyxAuthenticationException e)
                {
                    await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Unauthorized;
                }
                catch (TelnyxApiException e)
                {
                    await Console.Error.WriteLineAsync($"error: {Action} answered {e.StatusCode}:").ConfigureAwait(false);
                    foreach (var error in e.Errors)
                    {
                        var pointer = error.Source?.Pointer is { } p ? $" ({p})" : string.Empty;
                        await Console.Error.WriteLineAsync($"  {error.Code} {error.Title}{pointer}: {error.Detail}").ConfigureAwait(false);
                    }

                    return ExitCodes.Failed;
                }
                catch (Exception e) when (e is TelnyxConnectionException or TelnyxTimeoutException)
                {
                    await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Unreachable;
                }
            }
        }
    }
}
