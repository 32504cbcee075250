using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.AspNetCore;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Cli.Commands;

/// <summary>
/// The project's main job in one command: an emulator and a webhook receiver on loopback, every action of the spec
/// through <see cref="TelnyxClient"/>, every resulting webhook verified with <see cref="TelnyxWebhookVerifier"/>, a
/// timeline, and exit 0 only when every expected event arrived and verified.
/// </summary>
internal static partial class DemoCommand
{
    private static readonly string ClientState = Convert.ToBase64String(Encoding.UTF8.GetBytes("demo:agent-42"));

    public static Command Create(CliConsole console)
    {
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for each expected webhook before failing.",
            DefaultValueFactory = _ => 10,
        };
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 600)
            {
                r.AddError("--timeout must be more than 0 and at most 600 seconds.");
            }
        });
        var command = new Command("demo", "Run every call action of the spec against a local emulator and verify every webhook they produce. No API key or network needed.")
        {
            timeout,
        };
        command.SetAction((parse, ct) => RunAsync(console, TimeSpan.FromSeconds(parse.GetValue(timeout)), ct));
        return command;
    }

    /// <summary>Runs the demo; <paramref name="tamper"/> lets a test break the set-up to see the failure report.</summary>
    internal static async Task<int> RunAsync(CliConsole console, TimeSpan wait, CancellationToken cancellationToken, Action<TelnyxEmulatorOptions>? tamper = null)
    {
        var output = console.Out;
        var total = Stopwatch.StartNew();
        var options = new TelnyxEmulatorOptions
        {
            WebhookRetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)],
        };
        tamper?.Invoke(options);
        await using var emulator = await TelnyxEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await using var receiver = await DemoApp.StartAsync(emulator, wait, cancellationToken).ConfigureAwait(false);
        if (options.WebhookUrl is null)
        {
            emulator.DeliverWebhooksTo(receiver.Url);
        }

        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        var verifier = new TelnyxWebhookVerifier(emulator.PublicKey);
        var actions = client.Calls.Actions;
        var call = emulator.CreateCall();
        emulator.RejectSipAddress("sip:busy@example.com");

        await output.WriteLineAsync($"Telnyx Call Control demo: emulator at {emulator.BaseUrl}, webhooks to {receiver.Url}").ConfigureAwait(false);
        await output.WriteLineAsync($"Call {call}; webhooks verified with Ed25519 public key {emulator.PublicKey}").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("   time  -> command sent through TelnyxClient, <- webhook received and verified").ConfigureAwait(false);

        // The scenarios whose outcomes the demo chooses; then, deferred until those ran, every action of the spec they
        // did not use, once, with the spec's example body: a new operation in the spec joins the demo by itself. What
        // each should deliver is what the spec lists for its operation (x-telnyx-webhooks), as the emulator chooses it.
        // Refer and SIPREC go through ITelnyxCallOutcomes.SendAsync: the command, then how it ended, from its webhooks.
        Func<Task<(CallControlCommandResponse, TelnyxCommandOutcome?)>> Awaited(Func<ICallActionsClient, CancellationToken, Task<CallControlCommandResponse>> send) => async () =>
        {
            CallControlCommandResponse? response = null;
            try
            {
                var outcome = await receiver.Outcomes.SendAsync(call, async (calls, ct) => response = await send(calls, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return (response!, outcome);
            }
            catch (TelnyxOutcomeTimeoutException) when (response is not null)
            {
                return (response, null); // its events are reported missing below
            }
        };

        var scenarios = new Step[]
        {
            new("Refer sip:agent@example.com", Awaited((calls, ct) => calls.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com", ClientState = ClientState }, ct))),
            new("Refer sip:busy@example.com (rejected)", Awaited((calls, ct) => calls.ReferAsync(call, new ReferRequest { SipAddress = "sip:busy@example.com", ClientState = ClientState }, ct)), Failing: true),
            new("SendDtmf (after an injected 503)", async () =>
            {
                emulator.FailNext(1, EmulatorFault.Status(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.Zero));
                return (await actions.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1234#", DurationMillis = 250, ClientState = ClientState }, cancellationToken).ConfigureAwait(false), null);
            }),
            new("StartSiprec", Awaited((calls, ct) => calls.StartSiprecAsync(call, new StartSiprecRequest { ConnectorName = "demo-srs", SiprecTrack = SiprecTrack.BothTracks, ClientState = ClientState }, ct))),
            new("StopSiprec", Awaited((calls, ct) => calls.StopSiprecAsync(call, new StopSiprecRequest { ClientState = ClientState }, ct))),
            new("StartSiprec (SRS unreachable)", () =>
            {
                emulator.FailSiprecWith("no_answer");
                return Awaited((calls, ct) => calls.StartSiprecAsync(call, new StartSiprecRequest { ConnectorName = "demo-srs", ClientState = ClientState }, ct))();
            }, Failing: true),
        };
        var fromExamples = ClientAction.All
            .Where(action => !emulator.Commands.Any(c => c.Action == action.Spec.Action))
            .Select(action => new Step(action.Spec.OperationId + " (spec example)", async () =>
            {
                // An operation that ends its call (call.hangup, per the spec model) gets a call of its own, so the rest still have theirs.
                var target = action.Spec.EventsDelivered().Any(TelnyxOperation.EndsCall) ? emulator.CreateCall() : call;
                return (await action.InvokeAsync(actions, target, ExampleBody(action), cancellationToken).ConfigureAwait(false) ?? new(), (TelnyxCommandOutcome?)null);
            }));

        var failures = new List<string>();
        var (sent, verified, expectedCount) = (0, 0, 0);
        foreach (var step in scenarios.Concat(fromExamples))
        {
            sent++;
            var before = emulator.Commands.Count;
            var timer = Stopwatch.StartNew();
            string[] expected;
            string target;
            try
            {
                var (response, outcome) = await step.Run().ConfigureAwait(false);
                var attempts = emulator.Commands.Skip(before).ToList();
                (expected, target) = Expected(attempts[^1], step.Failing);
                var retried = attempts.Count > 1 ? $" ({attempts.Count} attempts: {string.Join(" then ", attempts.Select(c => c.StatusCode))})" : string.Empty;
                await output.WriteLineAsync($"{Ms(total),7}  -> {step.Name,-38} {attempts.LastOrDefault()?.Action,-23} {response.Data?.Result ?? "(no result)"} in {Ms(timer)}{retried}").ConfigureAwait(false);
                if (outcome is not null)
                {
                    await output.WriteLineAsync($"{Ms(total),7}  => {outcome} (SendAsync)").ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is TelnyxException or Newtonsoft.Json.JsonException)
            {
                failures.Add($"{step.Name}: {e.Message}");
                await output.WriteLineAsync($"{Ms(total),7}  -> {step.Name,-38} FAILED in {Ms(timer)}: {e.Message}").ConfigureAwait(false);
                continue;
            }

            expectedCount += expected.Length;
            foreach (var eventType in expected)
            {
                var (line, ok) = await AwaitEventAsync(console, receiver, verifier, target, eventType, wait, total, cancellationToken).ConfigureAwait(false);

                // Telnyx's payloads do not say which command they answer (a refer's target is not in call.refer.*).
                line += $"  [{step.Name}]";
                await output.WriteLineAsync(line).ConfigureAwait(false);
                if (ok)
                {
                    verified++;
                }
                else
                {
                    failures.Add(line.Trim());
                }
            }
        }

        // Anything still arriving was not expected (a duplicate, a replay): it fails the demo.
        try
        {
            await emulator.WhenWebhooksDeliveredAsync(cancellationToken).WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            failures.Add($"webhook deliveries still pending after {wait.TotalSeconds:0.#} s");
        }

        while (receiver.TryNext(out var extra))
        {
            failures.Add($"unexpected webhook: {extra.Body}");
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        if (failures.Count == 0)
        {
            await output.WriteLineAsync($"PASS: {sent} commands covering all {ClientAction.All.Count} actions, {verified}/{expectedCount} webhooks received and verified, in {Ms(total)}.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await console.Error.WriteLineAsync($"FAIL: {failures.Count} problem(s); {verified}/{expectedCount} webhooks verified in {Ms(total)}:").ConfigureAwait(false);
        foreach (var failure in failures)
        {
            await console.Error.WriteLineAsync("  " + failure).ConfigureAwait(false);
        }

        return ExitCodes.Failed;
    }

    // The events the command's operation delivers, as the emulator chooses them from the spec, and the call they are for
    // (the one POST /calls started, for that operation).
    private static (string[] Events, string Call) Expected(RecordedCommand command, bool failing) =>
        ([.. TelnyxEmulator.Operations.First(o => o.Action == command.Action).EventsDelivered(failing)], command.CallControlId);

    /// <summary>
    /// The spec's example for the action, with the demo's client_state (so any webhook echoes it) and no command_id:
    /// the examples share one, which Telnyx would drop as a repeat, so the client generates a fresh one.
    /// </summary>
    private static JObject ExampleBody(ClientAction action)
    {
        var body = JObject.Parse(action.Spec.ExampleBody().ToJsonString());
        body.Remove("command_id");
        if (action.Spec.RequestBody.ActualProperties.ContainsKey("client_state"))
        {
            body["client_state"] = ClientState;
        }

        return body;
    }

    private static string Ms(Stopwatch stopwatch) => stopwatch.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private sealed record Step(string Name, Func<Task<(CallControlCommandResponse Response, TelnyxCommandOutcome? Outcome)>> Run, bool Failing = false);
}
