using Microsoft.Extensions.Logging;

namespace Telnyx.Generated.Http;

/// <summary>An immutable, validated snapshot of <see cref="TelnyxClientOptions"/>, taken at construction.</summary>
internal sealed record TelnyxClientSettings(string ApiKey, Uri BaseUrl, int MaxRetries, TimeSpan MaxRetryDelay, TimeSpan Timeout, TimeSpan? ResendAfter, ILogger? Logger, TimeProvider TimeProvider)
{
    /// <summary>The library's version (without the commit the SDK appends), as the User-Agent, spans and metrics report it.</summary>
    public static readonly string Version = PackageVersion.Of(typeof(TelnyxClientSettings).Assembly);

    public static readonly string UserAgent = "Telnyx.Generated/" + Version;

    public static TelnyxClientSettings From(TelnyxClientOptions options)
    {
        var apiKey = ValidApiKey(options.ApiKey, "TelnyxClientOptions.ApiKey", nameof(options));

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
        return new TelnyxClientSettings(apiKey, baseUrl, options.MaxRetries, options.MaxRetryDelay, options.Timeout, options.ResendAfter, options.Logger, options.TimeProvider ?? TimeProvider.System);
    }

    /// <summary>
    /// The key to send: <paramref name="given"/> trimmed, or the environment variable's when <paramref name="given"/> is
    /// null (only null: an empty value hiding behind the environment is a configuration mistake, reported here). It
    /// must fit an HTTP header, so a line break or NUL is an error naming the key, never a FormatException later.
    /// </summary>
    /// <param name="given">The key the caller passed, or null.</param>
    /// <param name="name">What the caller calls it in messages (<c>TelnyxClientOptions.ApiKey</c>, <c>apiKey</c>).</param>
    /// <param name="paramName">The parameter the caller passed it in.</param>
    /// <exception cref="ArgumentException">No key, an empty one, or one with a character a header cannot carry.</exception>
    public static string ValidApiKey(string? given, string name, string paramName)
    {
        var source = name;
        if (given is null)
        {
            given = Environment.GetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable);
            source = $"The {TelnyxClientOptions.ApiKeyEnvironmentVariable} environment variable";
            if (string.IsNullOrWhiteSpace(given))
            {
                throw new ArgumentException(
                    $"No Telnyx API key: set {name} or the {TelnyxClientOptions.ApiKeyEnvironmentVariable} environment variable.", paramName);
            }
        }

        var key = given.Trim();
        if (key.Length == 0)
        {
            throw new ArgumentException(
                $"{name} is empty: give the Telnyx API key (V2) from the portal. An empty key is not replaced by the {TelnyxClientOptions.ApiKeyEnvironmentVariable} environment variable; only an unset (null) key is.",
                paramName);
        }

        // Never echo the key, not even the offending character's neighbours: its position is enough to find it.
        var bad = key.AsSpan().IndexOfAnyExceptInRange('!', '~');
        if (bad >= 0)
        {
            var what = key[bad] switch { '\r' or '\n' => "a line break", '\0' => "a NUL character", _ when char.IsControl(key[bad]) => "a control character", ' ' => "a space", _ => "a non-ASCII character" };
            throw new ArgumentException(
                $"{source} is not a valid Telnyx API key: it contains {what} (at position {bad + 1}), which an Authorization header cannot carry. Copy the key again from the portal.",
                paramName);
        }

        return key;
    }

    /// <summary>
    /// A null key passed to <c>new TelnyxClient(apiKey)</c>, usually <c>Environment.GetEnvironmentVariable("TELNYX_API_KEY")!</c>
    /// with the variable unset: the message names the variable and the constructor that reads it.
    /// </summary>
    public static ArgumentNullException NullApiKey(string paramName)
    {
        var variable = TelnyxClientOptions.ApiKeyEnvironmentVariable;
        var unset = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable));
        return new ArgumentNullException(paramName, unset
            ? $"{paramName} is null, and the {variable} environment variable is not set in this process either. Set {variable} to your Telnyx API key (V2) from the portal, or pass the key; new TelnyxClient(new TelnyxClientOptions()) reads {variable} itself."
            : $"{paramName} is null. Pass your Telnyx API key (V2), or use new TelnyxClient(new TelnyxClientOptions()) to read it from the {variable} environment variable, which is set.");
    }

    // A record would print every member: the API key must not reach a log.
    public override string ToString() => $"TelnyxClientSettings {{ BaseUrl = {BaseUrl.Host} }}";
}
