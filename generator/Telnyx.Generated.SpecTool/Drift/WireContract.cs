using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// What one operation or webhook means on the wire, as facts: for each location (<c>request digits</c>,
/// <c>header telnyx-timestamp</c>, <c>response 422 errors[].code</c>) the value of each aspect (a
/// <see cref="DriftKind"/>: type, minimum, pattern, ...). Descriptions, examples, titles, schema names, extensions and
/// key or enum order never become facts, and <c>allOf</c> parts merge into one node, so an inline schema, a <c>$ref</c>
/// to it and an <c>allOf</c> wrapping that <c>$ref</c> all give the same facts.
/// </summary>
internal sealed partial class WireContract
{
    /// <summary>One location; <see cref="Parent"/> is null for the operation or webhook itself.</summary>
    public sealed record Node(string? Parent, string Label, bool IsResponse)
    {
        public SortedDictionary<string, string> Facts { get; } = new(StringComparer.Ordinal);

        public bool HasProperties { get; set; }

        public bool HasItems { get; set; }

        /// <summary>Type, format and enum in one phrase for the report, e.g. <c>string (date-time)</c>.</summary>
        public string Describe()
        {
            var text = Facts.GetValueOrDefault(DriftKind.Type) ?? "any";
            if (Facts.TryGetValue(DriftKind.Format, out var format))
            {
                text += $" ({format})";
            }

            if (Facts.TryGetValue(DriftKind.Enum, out var values))
            {
                text += $" enum [{string.Join(", ", EnumValues(values))}]";
            }

            return Facts.ContainsKey(DriftKind.Required) ? text + ", required" : text;
        }
    }

    private WireContract()
    {
    }

    public SortedDictionary<string, Node> Nodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Enum values as the report shows them: strings without their JSON quotes.</summary>
    public static IEnumerable<string> EnumValues(string fact) =>
        fact.Split('\n').Select(v => JsonNode.Parse(v) is JsonValue s && s.TryGetValue<string>(out var text) ? text : v);

    public static WireContract OfOperation(OpenApiDocument document, IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        var contract = new WireContract();
        var root = contract.Add("", null, "operation");
        if (operation.Deprecated)
        {
            root.Facts[DriftKind.Deprecated] = "true";
        }

        root.Facts[DriftKind.Security] = Security(operation.Security ?? document.Security);
        var servers = operation.Servers is { Count: > 0 } ? operation.Servers : pathItem.Servers is { Count: > 0 } ? pathItem.Servers : document.Servers;
        root.Facts[DriftKind.Servers] = string.Join(", ", (servers ?? []).Select(s => s.Url?.TrimEnd('/')).Order(StringComparer.Ordinal));

        // An operation's parameter replaces the path item's one with the same location and name.
        var parameters = (pathItem.Parameters ?? []).Concat(operation.Parameters ?? []).GroupBy(ParameterLocation).Select(g => g.Last());
        contract.AddParameters(parameters);

        if (operation.RequestBody is { } body)
        {
            var request = contract.Add("request", "", "request body");
            if (body.Required)
            {
                request.Facts[DriftKind.Required] = "true";
            }

            contract.AddContent("request", body.Content);
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            contract.AddResponse($"response {status}", "", $"a {status} response", response);
        }

        return contract;
    }

    /// <summary>A webhook: its body schema at the root, its header parameters beside it.</summary>
    public static WireContract OfWebhook(IOpenApiSchema body, IEnumerable<IOpenApiParameter> headers)
    {
        var contract = OfSchema(body);
        contract.AddParameters(headers);
        return contract;
    }

    /// <summary>A schema alone (at the root): a webhook body, or a component to find one that means the same.</summary>
    public static WireContract OfSchema(IOpenApiSchema schema) => OfSchema(schema, null);

    /// <summary>A parameter alone, to find a shared parameter component that means the same.</summary>
    public static WireContract OfParameter(IOpenApiParameter parameter)
    {
        var contract = new WireContract();
        contract.AddParameters([parameter]);
        return contract;
    }

    /// <summary>A response alone, to find a shared response component that means the same.</summary>
    public static WireContract OfResponse(IOpenApiResponse response)
    {
        var contract = new WireContract();
        contract.AddResponse("response", null, "response", response);
        return contract;
    }

    /// <summary>Every fact in one canonical text: equal texts mean the same wire contract.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (location, node) in Nodes)
        {
            text.Append(location).Append(" {").AppendJoin("; ", node.Facts.Select(f => $"{f.Key}={f.Value}")).Append("} ");
        }

        return text.ToString().TrimEnd();
    }

    private static string ParameterLocation(IOpenApiParameter parameter)
    {
        var place = parameter.In?.ToString().ToLowerInvariant() ?? "query";
        // Header names are case-insensitive on the wire.
        return $"{place} {(place == "header" ? parameter.Name?.ToLowerInvariant() : parameter.Name)}";
    }

    private static string Security(IList<OpenApiSecurityRequirement>? requirements)
    {
        if (requirements is null || requirements.Count == 0)
        {
            return "none";
        }

        // Each requirement is one accepted alternative; what counts is the scheme, not the key it is filed under.
        return string.Join(" or ", requirements.Select(r => string.Join(" + ", r.Select(s =>
            $"{s.Key.Target?.Type} {s.Key.Target?.Scheme}{s.Key.Target?.In}{s.Key.Target?.Name}".TrimEnd().ToLowerInvariant() + (s.Value.Count > 0 ? $" [{string.Join(", ", s.Value.Order())}]" : ""))
            .Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
    }

    private void AddResponse(string location, string? parent, string label, IOpenApiResponse response)
    {
        Add(location, parent, label, isResponse: true);
        AddContent(location, response.Content);
        foreach (var (name, header) in response.Headers ?? new Dictionary<string, IOpenApiHeader>())
        {
            var headerLocation = $"{location} header {name.ToLowerInvariant()}";
            var node = Add(headerLocation, location, $"response header '{name}'");
            if (header.Required)
            {
                node.Facts[DriftKind.Required] = "true";
            }

            AddSchema(header.Schema, headerLocation, root: true);
        }
    }

    private Node Add(string location, string? parent, string label, bool isResponse = false)
    {
        if (!Nodes.TryGetValue(location, out var node))
        {
            Nodes[location] = node = new Node(parent, label, isResponse);
        }

        return node;
    }

    private void AddParameters(IEnumerable<IOpenApiParameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            var location = ParameterLocation(parameter);
            var node = Add(location, Nodes.ContainsKey("") ? "" : null, $"{parameter.In?.ToString().ToLowerInvariant()} parameter '{parameter.Name}'");
            if (parameter.Required)
            {
                node.Facts[DriftKind.Required] = "true";
            }

            if (parameter.Deprecated)
            {
                node.Facts[DriftKind.Deprecated] = "true";
            }

            AddSchema(parameter.Schema, location, root: true);
        }
    }

    private void AddContent(string location, IDictionary<string, IOpenApiMediaType>? content)
    {
        if (content is null || content.Count == 0)
        {
            return;
        }

        Nodes[location].Facts[DriftKind.MediaTypes] = string.Join(", ", content.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal));
        var json = content.FirstOrDefault(c => c.Key.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Value ?? content.Values.First();
        AddSchema(json.Schema, location, root: true);
    }

    // "request" and "response 422" are roots: their properties follow a space, nested properties a dot.
    private static string Child(string location, bool root, string name) => location.Length == 0 ? name : root ? $"{location} {name}" : $"{location}.{name}";
}
