using Newtonsoft.Json.Linq;
using Telnyx.Generated.Tests.Actions;
using Telnyx.Generated.Tests.Contract;

namespace Telnyx.Generated.Conformance.Tests;

/// <summary>One operation of the spec with a request, as the Prism tests send it: every operation, read from spec/.</summary>
public sealed record CallActionCase(string Name, string PathSuffix, Func<ICallActionsClient, string, Task<CallControlCommandResponse>> Send)
{
    public override string ToString() => Name;

    /// <summary>Every operation with only its required fields (the client adds command_id where Telnyx takes one).</summary>
    public static IEnumerable<CallActionCase> Minimal() => CallAction.All.Select(a =>
    {
        var required = SpecFile.Required(SpecFile.CallControl.Schema(a.RequestSchema));
        var body = new JObject(a.FullJson.Properties().Where(p => required.Contains(p.Name)).Select(p => new JProperty(p)));
        return new CallActionCase(a.OperationId, a.Path, (c, id) => a.InvokeAsync(c, id, a.FromJson(body)));
    });

    /// <summary>Every operation with every optional field set, nested ones included (values from the spec's examples).</summary>
    public static IEnumerable<CallActionCase> Full() =>
        CallAction.All.Select(a => new CallActionCase(a.OperationId, a.Path, (c, id) => a.InvokeAsync(c, id, a.Full())));
}
