namespace Telnyx.Generated.Testing;

/// <summary>Settings for a <see cref="TelnyxEmulator"/>, read once by <see cref="TelnyxEmulator.StartAsync"/>.</summary>
public sealed class TelnyxEmulatorOptions
{
    /// <summary>Where webhooks are delivered (your app's webhook endpoint). When null, events are recorded in <see cref="TelnyxEmulator.Events"/> but not delivered, until <see cref="TelnyxEmulator.DeliverWebhooksTo"/> sets a target.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The API key the emulator accepts as <c>Authorization: Bearer ...</c>. Default: a fresh random key per emulator.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The 32-byte Ed25519 private key seed, base64, that webhooks are signed with, for a <see cref="TelnyxEmulator.PublicKey"/>
    /// that stays the same between runs. Default: a fresh random key per emulator.
    /// </summary>
    public string? SigningKeySeed { get; set; }

    /// <summary>How long one webhook delivery attempt may take before it counts as failed. Default 10 s.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The waits before each redelivery of a webhook whose endpoint answered non-2xx, timed out or could not be
    /// reached; its length is the number of retries. Default 1 s, 2 s, 4 s (four attempts in all). Use tiny delays in tests.
    /// </summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; set; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>The clock for event times, signature timestamps, injected delays and redelivery waits (a fake clock must be advanced for those to pass). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How many of the most recent commands and events <see cref="TelnyxEmulator.Commands"/> and
    /// <see cref="TelnyxEmulator.Events"/> keep, so a long-running emulator's memory stays bounded; older ones are
    /// forgotten (pending deliveries still complete). Default null: keep everything, as a test expects.
    /// </summary>
    public int? HistoryLimit { get; set; }

    /// <summary>Describes the options without revealing the API key or signing key.</summary>
    /// <returns>A description with secrets redacted.</returns>
    public override string ToString() =>
        $"TelnyxEmulatorOptions {{ WebhookUrl = {WebhookUrl?.ToString() ?? "(none)"}, Port = {Port}, ApiKey = {(ApiKey is null ? "(random)" : "***")}, SigningKeySeed = {(SigningKeySeed is null ? "(random)" : "***")}, WebhookTimeout = {WebhookTimeout}, WebhookRetryDelays = [{string.Join(", ", WebhookRetryDelays ?? [])}], HistoryLimit = {HistoryLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(all)"} }}";
}
