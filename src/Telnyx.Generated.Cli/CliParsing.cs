using System.CommandLine;
using System.CommandLine.Parsing;

namespace Telnyx.Generated.Cli;

/// <summary>Argument parsing shared by the commands.</summary>
internal static class CliParsing
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

    /// <summary>An ArgumentException's message without .NET's "(Parameter 'x')" suffix, for people.</summary>
    public static string Message(ArgumentException exception) =>
        exception.ParamName is null ? exception.Message : exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);

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
}
