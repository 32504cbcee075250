using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Tests.Telemetry;

/// <summary>No secret and nothing of a webhook's body but its type and id reaches an exporter, whatever became of the delivery.</summary>
[NonParallelizable] // the SDK listens process-wide: another test's spans would land in these lists
public class WebhookTelemetrySecretsTests
{
    private ExportedTelemetry _telemetry = null!;

    [SetUp]
    public void SwitchOn() => _telemetry = new ExportedTelemetry();

    [TearDown]
    public void SwitchOff() => _telemetry.Dispose();

    [Test]
    public async Task Nothing_secret_and_nothing_of_the_body_but_its_type_and_id_is_exported()
    {
        var seed = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var app = await WebhookApp.StartAsync(
            s => s.AddTelnyxWebhookHandler<CallReferStartedEvent>((e, _, _) =>
                e.Id == "evt-secret-throws" ? throw new InvalidOperationException($"refer of {e.Data?.Payload?.CallControlId} from {e.Data?.Payload?.From} failed") : Task.CompletedTask),
            new() { ["Telnyx:ApiKey"] = "KEY0123456789SECRETAPIKEY" },
            signingSeed: seed);
        var body = Events.ReferStarted("evt-secret");
        var signed = app.Signer.Sign(body, DateTimeOffset.UtcNow);
        using var forger = new TelnyxWebhookSigner();

        (await app.PostAsync(body)).Dispose(); // handled
        (await app.PostAsync(body)).Dispose(); // duplicate
        (await app.PostAsync(Events.ReferStarted("evt-secret-throws"))).Dispose(); // handler failed
        (await app.PostAsync(body.Replace("evt-secret", "evt-secret-forged", StringComparison.Ordinal), sign: false, tamper: r =>
        {
            foreach (var (name, value) in forger.Sign(body, DateTimeOffset.UtcNow))
            {
                r.Headers.TryAddWithoutValidation(name, value);
            }
        })).Dispose(); // forged
        (await app.PostAsync("{\"not\":\"an event\"}")).Dispose(); // malformed
        await _telemetry.RequestsEndedAsync(5);

        string[] secrets =
        [
            "KEY0123456789SECRETAPIKEY", seed, app.Signer.PublicKeyBase64, signed["telnyx-signature-ed25519"], forger.PublicKeyBase64,
            body, "v3:abc", "leg-1", "session-1", "+15550001111", "sip:agent@example.com", "example.com/webhooks", "not\":\"an event",
        ];
        var exported = _telemetry.Spans.SelectMany(Recorded)
            .Concat(_telemetry.Metrics().SelectMany(m => m.MetricPoints.SelectMany(p => Strings(p.Tags))))
            .ToList();
        Assert.That(exported, Is.Not.Empty);
        Assert.That(_telemetry.Deliveries, Has.Count.EqualTo(5));
        foreach (var secret in secrets)
        {
            Assert.That(exported.Where(value => value.Contains(secret, StringComparison.Ordinal)), Is.Empty, $"exported telemetry contains {secret[..Math.Min(12, secret.Length)]}...");
        }
    }

    // Every string a span carries to an exporter: names, status, tags, events and their tags, links, baggage.
    private static IEnumerable<string> Recorded(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(Strings(span.TagObjects))
            .Concat(span.Events.SelectMany(e => Strings(e.Tags).Append(e.Name)))
            .Concat(span.Links.SelectMany(l => Strings(l.Tags ?? [])))
            .Concat(span.Baggage.SelectMany(b => new[] { b.Key, b.Value ?? "" }));

    private static IEnumerable<string> Strings(IEnumerable<KeyValuePair<string, object?>> tags) =>
        tags.SelectMany(t => new[] { t.Key, Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "" });

    private static IEnumerable<string> Strings(OpenTelemetry.ReadOnlyTagCollection tags)
    {
        foreach (var tag in tags)
        {
            yield return tag.Key;
            yield return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
    }
}
