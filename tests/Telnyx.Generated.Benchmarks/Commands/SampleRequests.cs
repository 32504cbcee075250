using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Tests.Contract;
using Telnyx.Generated.TestSupport;

namespace Telnyx.Generated.Benchmarks.Commands;

/// <summary>
/// One request per operation of spec/telnyx-call-control.yaml, built from the schema's own example, so a new operation
/// is benchmarked without editing this file. Each instance is used by one side of a benchmark only: the hand-written
/// baseline sets its own command_id on its copy, while TelnyxClient's pipeline adds one to the serialised bytes.
/// </summary>
public sealed class SampleRequests
{
    public const string CallControlId = "v3:OycMASgvIjsGIAVEx8x3n9rYeKnUJx6a3V8VGhs5futnr17KZhujZA";

    private readonly Dictionary<string, object> _requests = Operation.All.ToDictionary(o => o.Name, o => o.NewRequest());

    /// <summary>The operationIds, in the spec's order: the benchmarks' parameter values.</summary>
    public static IEnumerable<string> Actions => Operation.All.Select(o => o.Name);

    /// <summary>The first operation Telnyx de-duplicates by command_id and the first it does not: the breakdown's two cases.</summary>
    public static IEnumerable<string> OneWithAndOneWithoutCommandId =>
        [Operation.All.First(o => o.TakesCommandId).Name, Operation.All.First(o => !o.TakesCommandId).Name];

    public object Request(string action) => _requests[action];

    /// <summary>Sends <paramref name="action"/> through the generated client (normally TelnyxClient.Calls.Actions).</summary>
    public Task<CallControlCommandResponse> SendAsync(ICallActionsClient actions, string action, CancellationToken cancellationToken = default) =>
        Operation.Named(action).Invoke(actions, CallControlId, _requests[action], cancellationToken);

    /// <summary>An operation as both sides of the benchmark need it.</summary>
    public sealed class Operation
    {
        public static readonly IReadOnlyList<Operation> All = Load();

        private readonly JObject _example;
        private readonly Type _requestType;

        private Operation(string path, string method, JObject operation, JObject spec)
        {
            Name = (string)operation["operationId"]!;
            Method = new HttpMethod(method.ToUpperInvariant());
            PathTemplate = path.TrimStart('/');
            TakesCommandId = (string?)operation["x-telnyx-idempotency"] == "command-id";
            var schema = ((string)operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!).Split('/')[^1];
            _example = (JObject)spec["components"]!["schemas"]![schema]!["example"]!.DeepClone();
            _example.Remove("command_id");
            var clientMethod = typeof(ICallActionsClient).GetMethod(Name + "Async")!;
            _requestType = clientMethod.GetParameters()[1].ParameterType;
            CommandIdProperty = _requestType.GetProperty("CommandId");
            Invoke = Compile(clientMethod);
        }

        public string Name { get; }

        public HttpMethod Method { get; }

        public string PathTemplate { get; }

        public bool TakesCommandId { get; }

        public PropertyInfo? CommandIdProperty { get; }

        /// <summary>The generated client's method, called without reflection's per-call cost.</summary>
        public Func<ICallActionsClient, string, object, CancellationToken, Task<CallControlCommandResponse>> Invoke { get; }

        public static Operation Named(string name) => All.Single(o => o.Name == name);

        public object NewRequest() => _example.ToObject(_requestType, JsonSerializer.CreateDefault())!;

        private static List<Operation> Load()
        {
            var spec = YamlJson.Load(Repo.Path("spec", "telnyx-call-control.yaml"));
            return ((JObject)spec["paths"]!).Properties()
                .SelectMany(p => ((JObject)p.Value).Properties().Select(op => new Operation(p.Name, op.Name, (JObject)op.Value, spec)))
                .ToList();
        }

        private static Func<ICallActionsClient, string, object, CancellationToken, Task<CallControlCommandResponse>> Compile(MethodInfo method)
        {
            var client = Expression.Parameter(typeof(ICallActionsClient));
            var id = Expression.Parameter(typeof(string));
            var request = Expression.Parameter(typeof(object));
            var token = Expression.Parameter(typeof(CancellationToken));
            var call = Expression.Call(client, method, id, Expression.Convert(request, method.GetParameters()[1].ParameterType), token);
            return Expression.Lambda<Func<ICallActionsClient, string, object, CancellationToken, Task<CallControlCommandResponse>>>(call, client, id, request, token).Compile();
        }
    }
}
