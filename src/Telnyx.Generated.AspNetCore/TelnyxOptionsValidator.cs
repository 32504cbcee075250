using Microsoft.Extensions.Options;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Checks <see cref="TelnyxOptions"/> when the host starts, with the same rules the client and the verifier apply,
/// so a bad setting stops the app at once with a message naming the configuration key instead of failing the first
/// call or the first webhook. Messages never contain the API key.
/// </summary>
internal sealed class TelnyxOptionsValidator(TelnyxWebhookEndpointState? webhooks = null) : IValidateOptions<TelnyxOptions>
{
    internal const string MissingPublicKey =
        "Telnyx:PublicKey is not set, and MapTelnyxWebhooks needs it to verify webhooks. Copy it from the Telnyx portal (Account Settings > Keys & Credentials > Public Key).";

    public ValidateOptionsResult Validate(string? name, TelnyxOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey)
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable)))
        {
            failures.Add($"Telnyx:ApiKey is not set. Set it in configuration (for example the environment variable Telnyx__ApiKey, or user secrets) or set {TelnyxClientOptions.ApiKeyEnvironmentVariable}.");
        }

        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri)
        {
            failures.Add("Telnyx:BaseUrl must be an absolute URI such as https://api.telnyx.com/v2/.");
        }

        if (options.MaxRetries < 0)
        {
            failures.Add("Telnyx:MaxRetries must be 0 or more.");
        }

        if (options.MaxRetryDelay < TimeSpan.Zero)
        {
            failures.Add("Telnyx:MaxRetryDelay must not be negative.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add("Telnyx:Timeout must be positive (for example 00:01:00).");
        }

        if (webhooks is { Mapped: true } && options.PublicKey is null)
        {
            failures.Add(MissingPublicKey);
        }

        if (PublicKeyProblem(options.PublicKey) is { } problem)
        {
            failures.Add(problem);
        }

        if (options.WebhookTolerance <= TimeSpan.Zero)
        {
            failures.Add("Telnyx:WebhookTolerance must be positive (Telnyx recommends 00:05:00).");
        }

        if (options.MaxWebhookBodySize <= 0)
        {
            failures.Add("Telnyx:MaxWebhookBodySize must be a positive number of bytes.");
        }

        if (options.WebhookDeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add("Telnyx:WebhookDeduplicationWindow must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Why a configured public key is unusable, or null when it is absent or well-formed.</summary>
    internal static string? PublicKeyProblem(string? publicKey)
    {
        if (publicKey is null)
        {
            return null;
        }

        const string Where = "Copy it from the Telnyx portal (Account Settings > Keys & Credentials > Public Key).";
        if (string.IsNullOrWhiteSpace(publicKey))
        {
            return "Telnyx:PublicKey is empty. " + Where;
        }

        var key = new byte[publicKey.Length]; // base64 never decodes to more bytes than it has characters
        if (!Convert.TryFromBase64String(publicKey.Trim(), key, out var length))
        {
            return "Telnyx:PublicKey is not standard base64 of a 32-byte Ed25519 key. " + Where;
        }

        return length == 32 ? null : $"Telnyx:PublicKey decodes to {length} bytes; an Ed25519 public key is 32 bytes. " + Where;
    }
}
