using System.CommandLine;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Cli.Commands;

/// <summary><c>verify</c>: check one webhook (body on stdin) and say which check fails and why.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var publicKey = new Option<string>("--public-key") { Description = "The Ed25519 public key (base64) from the Telnyx portal.", Required = true };
        var signature = new Option<string?>("--signature") { Description = "The telnyx-signature-ed25519 header value." };
        var timestamp = new Option<string?>("--timestamp") { Description = "The telnyx-timestamp header value (Unix seconds)." };
        var tolerance = new Option<double>("--tolerance") { Description = "Seconds a timestamp may differ from now (use a large value to check an old capture).", DefaultValueFactory = _ => 300 };
        tolerance.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 315_360_000)
            {
                r.AddError("--tolerance must be from 0 to 315360000 seconds.");
            }
        });
        var command = new Command("verify", "Verify a webhook: the raw body on stdin (exact bytes: use `< body.json` or printf, not echo), headers as options.")
        {
            publicKey, signature, timestamp, tolerance,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse, parse.GetValue(publicKey)!, parse.GetValue(signature), parse.GetValue(timestamp), TimeSpan.FromSeconds(parse.GetValue(tolerance)), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, string publicKey, string? signature, string? timestamp, TimeSpan tolerance, CancellationToken cancellationToken)
    {
        TelnyxWebhookVerifier verifier;
        try
        {
            verifier = new TelnyxWebhookVerifier(publicKey, new TelnyxWebhookVerifierOptions { Tolerance = tolerance });
        }
        catch (ArgumentException e)
        {
            return await console.UsageErrorAsync(parse, [$"--public-key: {CliParsing.Message(e)}"]).ConfigureAwait(false);
        }

        var body = await console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            // Nothing to verify: a signature "mismatch" over no bytes would send the user looking at the key.
            return await console.UsageErrorAsync(parse, ["the body on stdin is empty; pipe the webhook's exact body: < body.json, or jq -j .body from a `listen --json` line."]).ConfigureAwait(false);
        }
        try
        {
            verifier.Verify(body, signature, timestamp);
        }
        catch (TelnyxWebhookVerificationException e)
        {
            await console.Error.WriteLineAsync($"NOT VERIFIED ({e.Reason}): {e.Message}").ConfigureAwait(false);
            if (e.Reason == TelnyxWebhookVerificationReason.SignatureMismatch && body.EndsWith('\n'))
            {
                await console.Error.WriteLineAsync("hint: the body on stdin ends with a newline; if your shell added it (echo, heredoc), pipe the exact bytes instead (printf '%s' or < file).").ConfigureAwait(false);
            }

            return ExitCodes.Failed;
        }

        try
        {
            var webhook = TelnyxWebhookParser.Parse(body);
            await console.Out.WriteLineAsync($"VERIFIED: {EventText.KeyFields(webhook, withCall: true)}").ConfigureAwait(false);
        }
        catch (TelnyxWebhookParseException e)
        {
            await console.Out.WriteLineAsync("VERIFIED: the signature is genuine.").ConfigureAwait(false);
            await console.Error.WriteLineAsync($"but the body is not a Telnyx event: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }
}
