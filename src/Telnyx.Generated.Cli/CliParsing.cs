using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Telnyx.Generated.Cli;

/// <summary>Argument parsing shared by the commands.</summary>
internal static partial class CliParsing
{
    /// <summary>An absolute http(s) URL option; a bad value is a usage error naming the option, never an exception.</summary>
    public static Option<Uri?> UrlOption(string name, string description, Uri? defaultValue = null)
    {
        var option = new Option<Uri?>(name)
        {
            Description = description,
            CustomParser = result => Parse(result, name),
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    /// <summary>An ArgumentException's sentence, without .NET's " (Parameter 'x')" and "Actual value was ..." additions, for people.</summary>
    public static string Message(ArgumentException exception)
    {
        var sentence = exception.Message.ReplaceLineEndings("\n").Split('\n')[0];
        return exception.ParamName is null ? sentence : sentence.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>The library's message about an option (<c>TelnyxClientOptions.MaxRetries</c>) in the CLI's terms (<c>--max-retries</c>).</summary>
    public static string AsOptionNames(string message) =>
        ClientOptionName().Replace(message, m => "--" + PascalWord().Replace(m.Groups[1].Value, w => (w.Index == 0 ? "" : "-") + w.Value.ToLowerInvariant()));

    private static Uri? Parse(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        result.AddError($"{name} must be an absolute http:// or https:// URL; got '{text}'.");
        return null;
    }

    [GeneratedRegex(@"TelnyxClientOptions\.(\w+)")]
    private static partial Regex ClientOptionName();

    [GeneratedRegex("[A-Z][a-z]*")]
    private static partial Regex PascalWord();
}
