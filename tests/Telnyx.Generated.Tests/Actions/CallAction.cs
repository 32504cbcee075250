using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Tests.Contract;

namespace Telnyx.Generated.Tests.Actions;

/// <summary>
/// One operation of spec/telnyx-call-control.yaml, read from the spec itself, so a new operation is covered by every
/// test that enumerates <see cref="All"/>: how to call it (its <see cref="ICallActionsClient"/> method, found by
/// operationId), where it goes, its repeat rule, and request bodies built from the spec's examples.
/// </summary>
public sealed class CallAction
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
    private readonly MethodInfo _method;

    private CallAction(string path, string method, JObject operation)
    {
        Path = path[(path.LastIndexOf('/') + 1)..];
        PathTemplate = path.TrimStart('/');
        Method = method.ToUpperInvariant();
        OperationId = (string)operation["operationId"]!;
        Idempotency = (string?)operation["x-telnyx-idempotency"];
        RequestSchema = SpecFile.RefName((string)operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
        _method = typeof(ICallActionsClient).GetMethod(OperationId + "Async")
            ?? throw new AssertionException($"{OperationId}: ICallActionsClient has no {OperationId}Async");
        RequestType = _method.GetParameters()[1].ParameterType;
        FullJson = FullBody(SpecFile.CallControl.Schema(RequestSchema));
    }

    /// <summary>The last path segment (calls/{id}/actions/PATH).</summary>
    public string Path { get; }

    /// <summary>The spec's path without the leading slash, as the client logs it.</summary>
    public string PathTemplate { get; }

    public string Method { get; }

    public string OperationId { get; }

    /// <summary>The spec's x-telnyx-idempotency, null when absent.</summary>
    public string? Idempotency { get; }

    public string RequestSchema { get; }

    public Type RequestType { get; }

    /// <summary>Every property of the request schema set, from the spec's examples (enums: their first value).</summary>
    public JObject FullJson { get; }

    /// <summary>The schema's own example: a valid body.</summary>
    public JObject ExampleJson => (JObject)SpecFile.CallControl.Schema(RequestSchema)["example"]!;

    public bool TakesCommandId => SpecFile.CallControl.Schema(RequestSchema)["properties"]?["command_id"] is not null;

    /// <summary>A request with nothing set (required members bypassed on purpose: what reaches Telnyx is the test).</summary>
    public object Minimal() => Activator.CreateInstance(RequestType)!;

    public object Full() => FromJson(FullJson);

    public object FromJson(JObject json) => json.ToObject(RequestType, Serializer)!;

    public Task<CallControlCommandResponse> InvokeAsync(ICallActionsClient client, string callControlId, object? request, CancellationToken cancellationToken = default)
    {
        try
        {
            return (Task<CallControlCommandResponse>)_method.Invoke(client, [callControlId, request, cancellationToken])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return Task.FromException<CallControlCommandResponse>(e.InnerException);
        }
    }

    public override string ToString() => Path;

    // The call actions: a body sent to /calls/{call_control_id}/actions/..., answered with the command response. Dialing
    // (POST /calls) and reading a call's status (GET /calls/{call_control_id}) have other shapes; the emulator and
    // Prism tests send them.
    public static readonly CallAction[] All =
        ((JObject)SpecFile.CallControl.Document["paths"]!).Properties()
            .Where(path => path.Name.Contains("/actions/", StringComparison.Ordinal))
            .SelectMany(path => ((JObject)path.Value).Properties().Select(op => new CallAction(path.Name, op.Name, (JObject)op.Value)))
            .ToArray();

    public static CallAction Named(string path) => All.Single(a => a.Path == path);

    public static IEnumerable<TestCaseData> Cases() => All.Select(a => new TestCaseData(a).SetArgDisplayNames(a.Path));

    private static JObject FullBody(JObject schema)
    {
        var body = new JObject();
        foreach (var property in SpecFile.OwnProperties(schema))
        {
            body[property.Name] = FullValue((JObject)property.Value);
        }

        return body;
    }

    private static JToken FullValue(JObject schema)
    {
        if (SpecFile.PropertyRef(schema) is { } reference)
        {
            var target = SpecFile.CallControl.Schema(SpecFile.RefName(reference));
            return target["enum"] is JArray values ? values[0].DeepClone() : schema["example"]?.DeepClone() ?? FullBody(target);
        }

        // A value of one of several schemas: one of them (the first).
        if (schema["example"] is null && (schema["oneOf"] ?? schema["anyOf"]) is JArray { Count: > 0 } variants)
        {
            return FullValue((JObject)variants[0]);
        }

        return schema["example"]?.DeepClone() ?? (string?)schema["type"] switch
        {
            "object" => new JObject(),
            "array" => new JArray(FullValue((JObject)schema["items"]!)),
            "string" => "value",
            "integer" => schema["minimum"] ?? 1,
            "number" => schema["minimum"] ?? 1.5,
            "boolean" => true,
            var other => throw new AssertionException($"a {other} property without an example or a named schema: {schema}"),
        };
    }
}
