using System.Reflection;
using System.Runtime.CompilerServices;
using Telnyx.Generated.Http;
using Telnyx.Generated.Tests.Actions;

namespace Telnyx.Generated.Tests.Contract;

/// <summary>Every operation of spec/telnyx-call-control.yaml against the generated client: one test case per operation.</summary>
public class OperationContractTests
{
    private static readonly string[] Values = ["command-id", "idempotent", "none"];

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public void Operation_says_how_a_repeat_behaves_and_a_body_with_command_id_says_command_id(CallAction action)
    {
        Assert.That(action.Idempotency, Is.AnyOf(Values), "x-telnyx-idempotency is command-id, idempotent or none");
        Assert.That(action.Idempotency == "command-id", Is.EqualTo(action.TakesCommandId),
            "an operation whose body has command_id says command-id, and only such an operation");
    }

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public void Generated_client_attaches_the_spec_rule_path_and_operation_to_its_requests(CallAction action)
    {
        var field = typeof(CallOperation).Assembly.GetType("Telnyx.Generated.Http.CallOperations")!
            .GetField(action.OperationId, BindingFlags.Public | BindingFlags.Static);
        Assert.That(field, Is.Not.Null, "the spec tool generates one CallOperation per operation");

        var operation = (CallOperation)field!.GetValue(null)!;

        Assert.That(operation.Spec, Is.SameAs(TelnyxOperation.Find(action.OperationId)));
        Assert.That(operation.OperationId, Is.EqualTo(action.OperationId));
        Assert.That(operation.PathTemplate, Is.EqualTo(action.PathTemplate));
        Assert.That(operation.Safety, Is.EqualTo(action.Idempotency switch
        {
            "command-id" => RepeatSafety.CommandId,
            "idempotent" => RepeatSafety.Idempotent,
            _ => RepeatSafety.NotIdempotent,
        }));
    }

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public void Request_type_is_the_schema_type_and_its_required_fields_are_required_members(CallAction action)
    {
        Assert.That(action.RequestType, Is.EqualTo(SpecFile.CallControl.GeneratedType(action.RequestSchema)));
        foreach (var property in SpecFile.OwnProperties(SpecFile.CallControl.Schema(action.RequestSchema)))
        {
            var clr = action.RequestType.GetProperties().Single(p => p.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName == property.Name);
            var required = SpecFile.Required(SpecFile.CallControl.Schema(action.RequestSchema)).Contains(property.Name);
            Assert.That(clr.IsDefined(typeof(RequiredMemberAttribute)), Is.EqualTo(required), $"{action.RequestSchema}.{clr.Name} is a C# required member exactly when the spec requires {property.Name}");
        }
    }
}
