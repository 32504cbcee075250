using System.Diagnostics;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Cli.Commands;

/// <content>The demo's check of each expected webhook: it arrived, verified, parsed into its class, and carries its call.</content>
internal static partial class DemoCommand
{
    private static async Task<(string Line, bool Ok)> AwaitEventAsync(
        CliConsole console, DemoApp receiver, TelnyxWebhookVerifier verifier, string call, string expected, TimeSpan wait, Stopwatch total, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var tick = TimeSpan.FromSeconds(1);
        while (true)
        {
            ReceivedWebhook received;
            try
            {
                var remaining = wait - waited.Elapsed;
                received = await receiver.NextAsync(remaining < tick ? (remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1)) : tick, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                if (waited.Elapsed >= wait)
                {
                    return ($"{Ms(total),7}  <- MISSING {expected}: nothing arrived within {wait.TotalSeconds:0.#} s", false);
                }

                await console.Error.WriteLineAsync($"           ... waiting for {expected} ({waited.Elapsed.TotalSeconds:0} s of {wait.TotalSeconds:0.#} s)").ConfigureAwait(false);
                continue;
            }

            if (received.AnsweredStatus is < 200 or >= 300)
            {
                continue; // a delivery the receiver refused; its retry is the one that counts
            }

            TelnyxWebhookEvent webhook;
            try
            {
                webhook = verifier.Unwrap(received.Body, received.Headers);
            }
            catch (TelnyxWebhookException e)
            {
                return ($"{Ms(total),7}  <- NOT VERIFIED (expected {expected}): {e.Message}", false);
            }

            // What the event carries of its call is the call's (an event type whose payload has no client_state or
            // call_control_id, such as call.recording.saved, carries none).
            var problems = new List<string>();
            if (webhook.EventType != expected)
            {
                problems.Add($"expected {expected}");
            }

            if (webhook is UnknownTelnyxWebhookEvent)
            {
                problems.Add("not parsed into its typed class");
            }

            if (webhook.Payload?.ClientState is { } state && state != ClientState)
            {
                problems.Add("client_state not echoed");
            }

            if (webhook.Payload?.CallControlId is { } id && id != call)
            {
                problems.Add("wrong call_control_id");
            }

            var status = problems.Count == 0 ? "verified" : "WRONG: " + string.Join(", ", problems);
            return ($"{Ms(total),7}  <-   {EventText.KeyFields(webhook, withCall: false)}  {status}", problems.Count == 0);
        }
    }
}
