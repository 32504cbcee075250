using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telnyx.Generated.Http;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Checks <see cref="TelnyxOptions"/> when the host starts by running the client's and the verifier's own checks, so
/// every value the library would reject later stops the app at once with a message naming the configuration key,
/// instead of failing the first call or the first webhook. Messages never contain the API key or the public key.
/// </summary>
internal sealed class TelnyxOptionsValidator(TelnyxWebhookEndpointState? webhooks = null, IServiceProviderIsService? registered = null) : IValidateOptions<TelnyxOptions>
{
    internal const string MissingQueue =
        "Telnyx:QueueWebhooks is true, but no durable queue is registered, so queued webhooks would be lost with the process: add services.AddTelnyxRedis(...) from the Telnyx.Generated.AspNetCore.Redis package, or set Telnyx:QueueWebhooks to false.";

    internal const string MissingPublicKey =
        "Telnyx:PublicKey is not set, and MapTelnyxWebhooks needs it to verify webhooks. Copy it from the Telnyx portal (Account Settings > Keys & Credentials > Public Key).";

    public ValidateOptionsResult Validate(string? name, TelnyxOptions options)
    {
        var failures = new List<string>();
        try
        {
            TelnyxClientSettings.From(options);
        }
        catch (ArgumentException ex)
        {
            failures.Add(Sentence(ex).Replace("TelnyxClientOptions.", "Telnyx:", StringComparison.Ordinal));
        }

        if (webhooks is { Mapped: true } && options.PublicKey is null)
        {
            failures.Add(MissingPublicKey);
        }

        if (options.WebhookTolerance <= TimeSpan.Zero)
        {
            failures.Add("Telnyx:WebhookTolerance must be positive (Telnyx recommends 00:05:00).");
        }
        else if (options.PublicKey is not null)
        {
            try
            {
                CreateVerifier(options);
            }
            catch (ArgumentException ex)
            {
                failures.Add("Telnyx:PublicKey is rejected by the webhook verifier: " + Sentence(ex));
            }
        }

        if (options.MaxWebhookBodySize <= 0)
        {
            failures.Add("Telnyx:MaxWebhookBodySize must be a positive number of bytes.");
        }

        if (options.WebhookDeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add("Telnyx:WebhookDeduplicationWindow must be positive.");
        }

        if (options.QueueWebhooks && registered?.IsService(typeof(ITelnyxWebhookQueue)) != true)
        {
            failures.Add(MissingQueue);
        }

        Require(options.WebhookQueueConcurrency > 0, "Telnyx:WebhookQueueConcurrency must be positive.");
        Require(options.WebhookQueueMaxAttempts > 0, "Telnyx:WebhookQueueMaxAttempts must be positive.");
        Require(options.WebhookQueueRetryDelay >= TimeSpan.Zero, "Telnyx:WebhookQueueRetryDelay must not be negative.");
        Require(options.WebhookQueueLagThreshold > TimeSpan.Zero, "Telnyx:WebhookQueueLagThreshold must be positive.");
        Require(options.WebhookDeduplicationCapacity > 0, "Telnyx:WebhookDeduplicationCapacity must be a positive number of event ids.");
        Require(options.OutcomeTimeout > TimeSpan.Zero && options.OutcomeTimeout <= TimeSpan.FromDays(1), "Telnyx:OutcomeTimeout must be positive and at most 1 day (default 00:02:00).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Require(bool valid, string failure)
        {
            if (!valid)
            {
                failures.Add(failure);
            }
        }
    }

    /// <summary>The verifier the endpoint uses; start-up validation builds it too, so both apply one rule.</summary>
    internal static TelnyxWebhookVerifier CreateVerifier(TelnyxOptions options) =>
        new(options.PublicKey?.Trim() ?? throw new InvalidOperationException(MissingPublicKey), new TelnyxWebhookVerifierOptions
        {
            Tolerance = options.WebhookTolerance,
            TimeProvider = options.TimeProvider,
        });

    // ArgumentException.Message appends " (Parameter '...')" and, when out of range, the value: keep the sentence.
    private static string Sentence(ArgumentException ex)
    {
        var end = ex.Message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return end < 0 ? ex.Message : ex.Message[..end];
    }
}
