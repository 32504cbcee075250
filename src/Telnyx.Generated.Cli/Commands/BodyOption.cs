using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Telnyx.Generated.Cli.Commands;

/// <summary>
/// The option for one body field of a call action, made from its spec schema: the name (<c>--sip-address</c>,
/// <c>--noise-suppression-engine-config-mode</c> for a nested field), description, default, range, enum and whether
/// it is required. A list of name/value objects takes <c>name=value</c> per occurrence; a field of any other shape
/// takes JSON.
/// </summary>
/// <param name="Path">The field's JSON path, dotted through nested objects: <c>noise_suppression_engine_config.mode</c>.</param>
/// <param name="Option">The command-line option.</param>
/// <param name="Read">The value given on the command line, as the JSON the body carries; null when not given.</param>
internal sealed partial record BodyOption(string Path, Option Option, Func<ParseResult, JToken?> Read)
{
    /// <summary>
    /// One option per field of <paramref name="body"/>, each also answering to the shorter names of
    /// <see cref="ShortNames"/> that no other option of the command (nor <paramref name="reserved"/>) has.
    /// </summary>
    public static IReadOnlyList<BodyOption> For(string operationId, JsonSchema body, IEnumerable<string> reserved)
    {
        var options = Fields(body, string.Empty, required: true).Select(f => Create(f.Path, f.Property, f.Required)).ToList();
        var taken = options.Select(o => o.Option.Name).Concat(reserved).ToHashSet(StringComparer.Ordinal);
        var actionWords = Words(operationId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var aliases = options
            .SelectMany(o => ShortNames(o.Path, actionWords, o.Option is Option<JArray>).Select(alias => (Option: o.Option, Alias: "--" + alias)))
            .Where(a => !taken.Contains(a.Alias))
            .GroupBy(a => a.Alias)
            .Where(g => g.Select(a => a.Option).Distinct().Count() == 1);
        foreach (var alias in aliases)
        {
            alias.First().Option.Aliases.Add(alias.Key);
        }

        return options;
    }

    /// <summary>
    /// Shorter names that keep the options readable: a nested field's own name (<c>--mode</c>), a top-level name
    /// without the words it shares with its action (<c>--engine</c> for <c>noise_suppression_engine</c> of
    /// <c>StartNoiseSuppression</c>), and a list's singular, since each occurrence adds one item (<c>--custom-header</c>).
    /// </summary>
    private static IEnumerable<string> ShortNames(string path, HashSet<string> actionWords, bool list)
    {
        string[] names = path.Contains('.', StringComparison.Ordinal)
            ? [path[(path.LastIndexOf('.') + 1)..].Replace('_', '-')]
            : [path.Replace('_', '-'), string.Join('-', path.Split('_').SkipWhile(actionWords.Contains))];
        return names.Where(n => n.Length > 0).SelectMany(n => list && n.EndsWith('s') ? [n, n[..^1]] : new[] { n });
    }

    private static IEnumerable<(string Path, JsonSchemaProperty Property, bool Required)> Fields(JsonSchema schema, string prefix, bool required)
    {
        foreach (var (name, property) in schema.ActualProperties)
        {
            var type = property.ActualTypeSchema;
            var fieldRequired = required && property.IsRequired;
            var nested = type.Type.HasFlag(JsonObjectType.Object) && type.ActualProperties.Count > 0
                ? Fields(type, $"{prefix}{name}.", fieldRequired)
                : [(prefix + name, property, fieldRequired)];
            foreach (var field in nested)
            {
                yield return field;
            }
        }
    }

    private static BodyOption Create(string path, JsonSchemaProperty property, bool required)
    {
        var type = property.ActualTypeSchema;
        var name = "--" + path.Replace('.', '-').Replace('_', '-');
        var pair = type.Item?.ActualSchema.ActualProperties is { } item && item.ContainsKey("name") && item.ContainsKey("value") ? item : null;
        var (option, read) = type switch
        {
            { Enumeration.Count: > 0 } => Typed<string>(name, o => o.AcceptOnlyFromAmong([.. type.Enumeration.Select(e => Convert.ToString(e, CultureInfo.InvariantCulture)!)])),
            _ when type.Type.HasFlag(JsonObjectType.Boolean) => Typed<bool?>(name),
            _ when type.Type.HasFlag(JsonObjectType.Integer) => Typed<long?>(name, o => o.HelpName = "integer"),
            _ when type.Type.HasFlag(JsonObjectType.Number) => Typed<double?>(name, o => o.HelpName = "number"),
            _ when type.Type.HasFlag(JsonObjectType.String) => Typed<string>(name, o => o.HelpName = "text"),
            _ when pair is not null => Typed<JArray>(name, o => (o.CustomParser, o.Arity, o.HelpName) = (Pairs, ArgumentArity.OneOrMore, "name=value")),
            _ => Typed<JToken>(name, o => (o.CustomParser, o.HelpName) = (Json, "json")),
        };

        var (minimum, maximum) = (property.Minimum ?? type.Minimum, property.Maximum ?? type.Maximum);
        option.Required = required;
        option.Description = string.Join(' ', new[]
        {
            (property.Description ?? type.Description)?.TrimEnd() is { Length: > 0 } text ? text.TrimEnd('.') + "." : null,
            minimum is null && maximum is null ? null : $"Range: {Bound(minimum, "-inf")} to {Bound(maximum, "inf")}.",
            (property.Default ?? type.Default) is { } value ? $"Default: {Convert.ToString(value, CultureInfo.InvariantCulture)}." : null,
            pair is null ? null : "Repeat for more.",
            pair?["name"].ActualTypeSchema.Enumeration is { Count: > 0 } names ? $"Names: {string.Join(", ", names)}." : null,
        }.Where(part => part is not null));
        return new BodyOption(path, option, read);
    }

    private static (Option Option, Func<ParseResult, JToken?> Read) Typed<T>(string name, Action<Option<T>>? configure = null)
    {
        var option = new Option<T>(name);
        configure?.Invoke(option);
        return (option, parse => parse.GetValue(option) is { } value ? JToken.FromObject(value) : null);
    }

    private static JArray? Pairs(ArgumentResult result)
    {
        var pairs = new JArray();
        foreach (var token in result.Tokens)
        {
            var at = token.Value.IndexOf('=', StringComparison.Ordinal);
            if (at < 1)
            {
                result.AddError($"{NameOf(result)} takes name=value; got '{token.Value}'.");
                return null;
            }

            pairs.Add(new JObject { ["name"] = token.Value[..at], ["value"] = token.Value[(at + 1)..] });
        }

        return pairs;
    }

    private static JToken? Json(ArgumentResult result)
    {
        try
        {
            return JToken.Parse(result.Tokens.Single().Value);
        }
        catch (JsonReaderException e)
        {
            result.AddError($"{NameOf(result)} takes JSON: {e.Message}");
            return null;
        }
    }

    // As the emulator words a range in its errors (10033), so --help and a refused value say the same.
    private static string Bound(decimal? bound, string none) => ((double?)bound)?.ToString(CultureInfo.InvariantCulture) ?? none;

    private static string? NameOf(ArgumentResult result) => (result.Parent as OptionResult)?.IdentifierToken?.Value;

    private static IEnumerable<string> Words(string pascalCase) => WordPattern().Matches(pascalCase).Select(m => m.Value);

    [GeneratedRegex("[A-Z][a-z0-9]*|[a-z0-9]+")]
    private static partial Regex WordPattern();
}
