using System.CommandLine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Cli.Commands;

/// <summary><c>listen</c>: receive webhooks on loopback, verify each and print it, like <c>stripe listen</c>.</summary>
internal static class ListenCommand
{
    private const string Verified = "verified";

    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to receive webhooks on (0 picks a free one).", DefaultValueFactory = _ => 0 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port must be from 0 to 65535.");
            }
        });
        var publicKey = new Option<string>("--public-key") { Description = "The Ed25519 public key (base64) from the Telnyx portal or the emulator.", Required = true };
        var json = new Option<bool>("--json")
        {
            Description = "Write one JSON object per webhook on stdout (JSON Lines: body exactly as received, the telnyx-timestamp and telnyx-signature-ed25519 headers, the verdict), for jq or `verify`; everything else goes to stderr.",
        };
        var maxEvents = new Option<int?>("--max-events") { Description = "Exit after this many webhooks (default: run until Ctrl+C)." };
        var command = new Command("listen", "Receive webhooks on 127.0.0.1, verify each signature and print the event.")
        {
            port, publicKey, json, maxEvents,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse, parse.GetValue(port), parse.GetValue(publicKey)!, parse.GetValue(json), parse.GetValue(maxEvents), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, int port, string publicKey, bool json, int? maxEvents, CancellationToken cancellationToken)
    {
        TelnyxWebhookVerifier verifier;
        try
        {
            verifier = new TelnyxWebhookVerifier(publicKey);
        }
        catch (ArgumentException e)
        {
            return await console.UsageErrorAsync(parse, [$"--public-key: {CliParsing.Message(e)}"]).ConfigureAwait(false);
        }

        WebhookReceiver receiver;
        try
        {
            receiver = await WebhookReceiver.StartAsync(port, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"error: cannot listen on 127.0.0.1:{port}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        // With --json, stdout carries only JSON Lines, so `| jq` never meets a banner.
        var human = json ? console.Error : console.Out;
        await using (receiver)
        {
            await human.WriteLineAsync($"Listening for Telnyx webhooks on {receiver.Url} (Ctrl+C to stop)").ConfigureAwait(false);
            await human.FlushAsync(cancellationToken).ConfigureAwait(false);
            var count = 0;
            var rejected = 0;
            try
            {
                while (maxEvents is null || count < maxEvents)
                {
                    var received = await receiver.NextAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                    count++;
                    var (verdict, line, webhook) = Check(verifier, received);
                    rejected += verdict == Verified ? 0 : 1;
                    await human.WriteLineAsync($"{DateTimeOffset.Now:HH:mm:ss.fff}  {line}").ConfigureAwait(false);
                    if (json)
                    {
                        await console.Out.WriteLineAsync(JsonLine(received, verdict, line, webhook)).ConfigureAwait(false);
                        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await human.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }

            return rejected == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }

    /// <summary>The verdict (<c>verified</c>, the failed check's reason, or <c>NotAnEvent</c>), the human line and the event.</summary>
    private static (string Verdict, string Line, TelnyxWebhookEvent? Webhook) Check(TelnyxWebhookVerifier verifier, ReceivedWebhook received)
    {
        try
        {
            var webhook = verifier.Unwrap(received.Body, received.Headers);
            return (Verified, $"{EventText.KeyFields(webhook, withCall: true)}  verified", webhook);
        }
        catch (TelnyxWebhookVerificationException e)
        {
            return (e.Reason.ToString(), $"NOT VERIFIED ({e.Reason}): {e.Message}", null);
        }
        catch (TelnyxWebhookParseException e)
        {
            return ("NotAnEvent", $"NOT AN EVENT (the signature is genuine): {e.Message}", null);
        }
    }

    /// <summary>
    /// One delivery as a JSON object on one line: the body as a string, byte for byte, so <c>jq -j .body</c> gives back
    /// exactly what was signed, and the two headers <c>verify</c> takes.
    /// </summary>
    private static string JsonLine(ReceivedWebhook received, string verdict, string line, TelnyxWebhookEvent? webhook) => new JObject
    {
        ["verdict"] = verdict,
        ["detail"] = verdict == Verified ? null : line,
        ["event_type"] = webhook?.EventType,
        ["call_control_id"] = webhook?.Payload?.CallControlId,
        ["headers"] = new JObject
        {
            [TelnyxWebhookHeaders.Timestamp] = received.Timestamp,
            [TelnyxWebhookHeaders.Signature] = received.Signature,
        },
        ["body"] = received.Body,
    }.ToString(Formatting.None);
}
