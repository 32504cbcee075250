using System.CommandLine;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Cli.Commands;

/// <summary><c>emulator</c>: the emulator as a standalone server for any app, until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to listen on (0 picks a free one).", DefaultValueFactory = _ => 0 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port must be from 0 to 65535.");
            }
        });
        var webhookUrl = CliParsing.UrlOption("--webhook-url", "Where to deliver signed webhooks (your app's endpoint). Without it, events are not delivered.");
        var apiKey = new Option<string?>("--api-key") { Description = "The API key to accept (default: a random one, printed)." };
        var seed = new Option<string?>("--signing-key-seed") { Description = "Base64 of a 32-byte Ed25519 seed, for a public key that stays the same between runs." };
        var history = new Option<int>("--history-limit") { Description = "How many recent commands and events to keep in memory.", DefaultValueFactory = _ => 10_000 };
        history.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--history-limit must be 1 or more.");
            }
        });
        var command = new Command("emulator", "Run the Telnyx emulator as a server for any app; prints its base URL, API key and webhook public key.")
        {
            port, webhookUrl, apiKey, seed, history,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse, new TelnyxEmulatorOptions
        {
            Port = parse.GetValue(port),
            WebhookUrl = parse.GetValue(webhookUrl),
            ApiKey = parse.GetValue(apiKey),
            SigningKeySeed = parse.GetValue(seed),
            HistoryLimit = parse.GetValue(history),
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, TelnyxEmulatorOptions options, CancellationToken cancellationToken)
    {
        TelnyxEmulator emulator;
        try
        {
            emulator = await TelnyxEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return await console.UsageErrorAsync(parse, [CliParsing.Message(e)]).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"error: cannot listen on 127.0.0.1:{options.Port}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await using (emulator)
        {
            var call = emulator.CreateCall();
            var root = emulator.BaseUrl.GetLeftPart(UriPartial.Authority);
            var o = console.Out;
            await o.WriteLineAsync("Telnyx emulator running; press Ctrl+C to stop.").ConfigureAwait(false);
            await o.WriteLineAsync($"  Base URL     {emulator.BaseUrl}").ConfigureAwait(false);
            await o.WriteLineAsync($"  API key      {emulator.ApiKey}").ConfigureAwait(false);
            await o.WriteLineAsync($"  Public key   {emulator.PublicKey}").ConfigureAwait(false);
            await o.WriteLineAsync($"  Webhook URL  {emulator.WebhookUrl?.ToString() ?? "(none: pass --webhook-url to receive events)"}").ConfigureAwait(false);
            await o.WriteLineAsync($"  Live call    {call}").ConfigureAwait(false);
            await o.WriteLineAsync($"  More calls   POST {root}/emulator/calls   hang up: POST {root}/emulator/calls/{{id}}/hangup (Bearer API key)").ConfigureAwait(false);
            await o.FlushAsync(cancellationToken).ConfigureAwait(false);

            RecordedCommand? lastShown = null;
            try
            {
                // Echo the recorded commands as they arrive. The history forgets the oldest, so the last one shown marks
                // where to go on (by reference: two identical commands are two records).
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    var commands = emulator.Commands;
                    var next = commands.Count - 1;
                    while (next >= 0 && !ReferenceEquals(commands[next], lastShown))
                    {
                        next--;
                    }

                    foreach (var c in commands.Skip(next + 1))
                    {
                        lastShown = c;
                        await o.WriteLineAsync($"{c.ReceivedAt:HH:mm:ss.fff}  {c.Method} {c.Action}  -> {(c.StatusCode == 0 ? "dropped" : c.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}").ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }

            await o.WriteLineAsync("Emulator stopped.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
    }
}
