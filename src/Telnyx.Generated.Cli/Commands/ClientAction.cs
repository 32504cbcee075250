using System.Reflection;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Cli.Commands;

/// <summary>
/// An operation of the spec with the <see cref="ICallActionsClient"/> method named for its operationId
/// (<c>{OperationId}Async</c>), called with a JSON body: how <c>call</c> and <c>demo</c> reach every action without
/// naming any.
/// </summary>
internal sealed record ClientAction(EmulatedOperation Spec, MethodInfo Method)
{
    /// <summary>Every operation of the spec, in its order.</summary>
    public static IReadOnlyList<ClientAction> All { get; } = [.. TelnyxEmulator.Operations.Select(operation => new ClientAction(
        operation,
        typeof(ICallActionsClient).GetMethod(operation.OperationId + "Async")
            ?? throw new InvalidOperationException($"ICallActionsClient has no {operation.OperationId}Async for {operation.Action}.")))];

    /// <summary>Sends <paramref name="body"/>, converted to the method's request type; the answer when it is a command response.</summary>
    /// <exception cref="Newtonsoft.Json.JsonException">A value the spec allows but the generated model cannot hold (an int32 given 2^40).</exception>
    public async Task<CallControlCommandResponse?> InvokeAsync(ICallActionsClient actions, string callControlId, JObject body, CancellationToken cancellationToken)
    {
        // The generated method takes the call control id, the request body (when the operation has one), the token.
        var arguments = Method.GetParameters().Select(p =>
            p.ParameterType == typeof(string) ? callControlId
            : p.ParameterType == typeof(CancellationToken) ? cancellationToken
            : body.ToObject(p.ParameterType)).ToArray();
        var task = (Task)Method.Invoke(actions, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
        await task.ConfigureAwait(false);
        return task.GetType().GetProperty(nameof(Task<object>.Result))?.GetValue(task) as CallControlCommandResponse;
    }
}
