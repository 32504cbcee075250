using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.TestSupport;

/// <summary>
/// spec/telnyx-call-control.yaml read from the repository with a plain YAML parser, not with the OpenAPI reader the
/// emulator and CLI use, so tests check them against the spec rather than against themselves.
/// </summary>
internal static class SpecYaml
{
    private static readonly YamlMappingNode Root = Load();

    /// <summary>Each operation: its action (last path segment), method, summary, resolved body schema and whole node.</summary>
    public static IEnumerable<(string Action, string Method, string Summary, YamlMappingNode Body, YamlMappingNode Operation)> Operations =>
        ((YamlMappingNode)Root["paths"]).Children.SelectMany(path => ((YamlMappingNode)path.Value).Children.Select(operation =>
        {
            var name = ((YamlScalarNode)path.Key).Value!;
            var body = Resolve((YamlMappingNode)operation.Value["requestBody"]["content"]["application/json"]["schema"]);
            return (name[(name.LastIndexOf('/') + 1)..], ((YamlScalarNode)operation.Key).Value!.ToUpperInvariant(), Scalar((YamlMappingNode)operation.Value, "summary")!, body, (YamlMappingNode)operation.Value);
        }));

    public static IEnumerable<(string Name, YamlMappingNode Schema)> Properties(YamlMappingNode schema) =>
        schema.Children.TryGetValue("properties", out var properties)
            ? ((YamlMappingNode)properties).Children.Select(p => (((YamlScalarNode)p.Key).Value!, (YamlMappingNode)p.Value))
            : [];

    public static string[] Strings(YamlMappingNode schema, string key) =>
        schema.Children.TryGetValue(key, out var list) ? [.. ((YamlSequenceNode)list).Children.Select(c => ((YamlScalarNode)c).Value!)] : [];

    public static string? Scalar(YamlMappingNode schema, string key) =>
        schema.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;

    /// <summary>Follows $ref, and the allOf: [$ref] wrapper a property uses to add its own description.</summary>
    public static YamlMappingNode Resolve(YamlMappingNode schema)
    {
        while (true)
        {
            if (schema.Children.TryGetValue("$ref", out var reference))
            {
                var name = ((YamlScalarNode)reference).Value!;
                schema = (YamlMappingNode)Root["components"]["schemas"][name[(name.LastIndexOf('/') + 1)..]];
            }
            else if (schema.Children.TryGetValue("allOf", out var all) && all is YamlSequenceNode { Children.Count: 1 } single)
            {
                schema = (YamlMappingNode)single.Children[0];
            }
            else
            {
                return schema;
            }
        }
    }

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = File.OpenText(Repo.Path("spec", "telnyx-call-control.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
