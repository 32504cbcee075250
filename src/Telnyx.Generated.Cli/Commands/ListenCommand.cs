using System.CommandLine;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Cli.Commands;

/// <summary><c>listen</c>: receive webhooks on loopback, verify each and print it, like <c>stripe listen</c>.</summary>
internal static class ListenCommand
{
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
        var json = new Option<bool>("--json") { Description = "Also print each body as received." };
        var maxEvents = new Option<int?>("--max-events") { Description = "Exit after this many webhooks (default: run until Ctrl+C)." };
        var command = new Command("listen", "Receive webhooks on 127.0.0.1, verify each signature and print the event.")
        {
            port, publicKey, json, maxEvents,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(port), parse.GetValue(publicKey)!, parse.GetValue(json), parse.GetValue(maxEvents), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, int port, string publicKey, bool printJson, int? maxEvents, CancellationToken cancellationToken)
    {
        TelnyxWebhookVerifier verifier;
        try
        {
            verifier = new TelnyxWebhookVerifier(publicKey);
        }
        catch (ArgumentException e)
        {
            await console.Error.WriteLineAsync($"error: --public-key: {CliParsing.Message(e)}").ConfigureAwait(false);
            return ExitCodes.Usage;
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

        await using (receiver)
        {
            await console.Out.WriteLineAsync($"Listening for Telnyx webhooks on {receiver.Url} (Ctrl+C to stop)").ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            var count = 0;
            var rejected = 0;
            try
            {
                while (maxEvents is null || count < maxEvents)
                {
                    var received = await receiver.NextAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                    count++;
                    try
                    {
                        var webhook = verifier.Unwrap(received.Body, received.Headers);
                        await console.Out.WriteLineAsync($"{DateTimeOffset.Now:HH:mm:ss.fff}  {EventText.KeyFields(webhook)}  verified").ConfigureAwait(false);
                    }
                    catch (TelnyxWebhookException e)
                    {
                        rejected++;
                        await console.Out.WriteLineAsync($"{DateTimeOffset.Now:HH:mm:ss.fff}  NOT VERIFIED: {e.Message}").ConfigureAwait(false);
                    }

                    if (printJson)
                    {
                        await console.Out.WriteLineAsync(received.Body).ConfigureAwait(false);
                    }

                    await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }

            return rejected == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }
}
