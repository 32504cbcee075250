using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Telnyx.Generated.Http;

/// <summary>An immutable, validated snapshot of <see cref="TelnyxClientOptions"/>, taken at construction.</summary>
internal sealed record TelnyxClientSettings(string ApiKey, Uri BaseUrl, int MaxRetries, TimeSpan MaxRetryDelay, TimeSpan Timeout, TimeSpan? ResendAfter, ILogger? Logger, TimeProvider TimeProvider)
{
    /// <summary>The library's version (without the commit the SDK appends), as the User-Agent, spans and metrics report it.</summary>
    public static readonly string Version = LibraryVersion();

    public static readonly string UserAgent = "Telnyx.Generated/" + Version;

    public static TelnyxClientSettings From(TelnyxClientOptions options)
    {
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? Environment.GetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable) : options.ApiKey;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException(
                $"No Telnyx API key: set TelnyxClientOptions.ApiKey or the {TelnyxClientOptions.ApiKeyEnvironmentVariable} environment variable.",
                nameof(options));
        }

        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("TelnyxClientOptions.BaseUrl must be an absolute URI such as https://api.telnyx.com/v2/.", nameof(options));
        }

        if (options.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetries, "TelnyxClientOptions.MaxRetries must be 0 or more.");
        }

        if (options.MaxRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetryDelay, "TelnyxClientOptions.MaxRetryDelay must not be negative.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "TelnyxClientOptions.Timeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        if (options.ResendAfter is { } resendAfter && resendAfter <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), resendAfter, "TelnyxClientOptions.ResendAfter must be positive, or null to never resend a command that is still waiting for its answer.");
        }

        // Relative paths are appended to the base, so it must end in '/' or its last segment (v2) would be replaced.
        var baseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        return new TelnyxClientSettings(apiKey.Trim(), baseUrl, options.MaxRetries, options.MaxRetryDelay, options.Timeout, options.ResendAfter, options.Logger, options.TimeProvider ?? TimeProvider.System);
    }

    // A record would print every member: the API key must not reach a log.
    public override string ToString() => $"TelnyxClientSettings {{ BaseUrl = {BaseUrl.Host} }}";

    private static string LibraryVersion()
    {
        var version = typeof(TelnyxClientSettings).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return version.Split('+')[0]; // without the "+commit" the SDK appends
    }
}
