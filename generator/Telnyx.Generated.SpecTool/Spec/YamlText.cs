using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// Writes new parts into a curated spec file as text, in the file's own style (two-space indent, indented block
/// sequences, flow lists of scalars, quoted <c>$ref</c>s), so the rest of the file, its layout and comments stay
/// byte for byte as they were.
/// </summary>
internal static class YamlText
{
    /// <summary>The YAML of a mapping's entries, every line indented by <paramref name="indent"/> spaces.</summary>
    public static string Entries(JsonObject entries, int indent)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithIndentedSequences());
        new YamlStream(new YamlDocument(ToYaml(entries, null))).Save(emitter, assignAnchors: false);
        var lines = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n')
            .Where(l => l != "...");
        // Blank lines inside a literal block stay blank: indenting them would add trailing spaces to the text.
        return string.Concat(lines.Select(l => (l.Length == 0 ? "" : new string(' ', indent) + l) + "\n"));
    }

    /// <summary>
    /// Inserts <paramref name="block"/> at the end of the section a key path names (e.g. <c>paths</c>, or
    /// <c>components</c> then <c>schemas</c>), before the next key at the section's own indentation or less.
    /// </summary>
    public static string AppendToSection(string text, string block, params string[] keys)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = -1;
        for (var depth = 0; depth < keys.Length; depth++)
        {
            var key = new string(' ', depth * 2) + keys[depth] + ":";
            start = lines.FindIndex(start + 1, l => l.TrimEnd() == key);
            if (start < 0)
            {
                throw new SpecInputException($"The curated spec has no '{string.Join(".", keys)}' section to add to.");
            }
        }

        var indent = (keys.Length - 1) * 2;
        var end = start + 1;
        // Comments and blank lines just before the next section belong to it, so the new block goes above them.
        var lastContent = start;
        for (; end < lines.Count; end++)
        {
            var line = lines[end];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (line.Length - trimmed.Length <= indent)
            {
                break;
            }

            lastContent = end;
        }

        lines.Insert(lastContent + 1, block.TrimEnd('\n'));
        return string.Join("\n", lines);
    }

    private static YamlNode ToYaml(JsonNode? node, string? key) => node switch
    {
        JsonObject map => new YamlMappingNode(map.Select(kv => new KeyValuePair<YamlNode, YamlNode>(Key(kv.Key), ToYaml(kv.Value, kv.Key)))),
        JsonArray list => new YamlSequenceNode(list.Select(item => ToYaml(item, null)))
        {
            // Lists of scalars read best on one line, like `required: [code, title]`.
            Style = list.All(item => item is JsonValue) && list.Count > 0 ? SequenceStyle.Flow : SequenceStyle.Block,
        },
        JsonValue value when value.GetValueKind() == JsonValueKind.String => String(value.GetValue<string>(), key),
        null => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        _ => new YamlScalarNode(node.ToJsonString()) { Style = ScalarStyle.Plain },
    };

    private static YamlScalarNode Key(string key) =>
        new(key) { Style = LooksTyped(key) ? ScalarStyle.SingleQuoted : ScalarStyle.Any };

    private static YamlScalarNode String(string text, string? key) => new(text)
    {
        Style = text.Contains('\n') ? ScalarStyle.Literal
            : key == "$ref" || LooksTyped(text) ? ScalarStyle.SingleQuoted
            : ScalarStyle.Any,
    };

    // A string YAML would read as a number, boolean, null or (YAML 1.1) timestamp keeps its quotes.
    private static bool LooksTyped(string text) =>
        text.Length == 0 || text is "true" or "false" or "null" or "~" or "True" or "False" or "Null" or "yes" or "no" or "on" or "off"
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || (text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
}
