using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Tests.Contract;

/// <summary>
/// The generated operation model (<see cref="TelnyxOperation"/>) against spec/ read with a plain YAML parser: every
/// operation, in order, with its id, method, path and every event it lists with its role, in order; and the events
/// that end a call.
/// </summary>
public class OperationModelContractTests
{
    private static IEnumerable<(string Path, string Method, JObject Operation)> SpecOperations() =>
        ((JObject)SpecFile.CallControl.Document["paths"]!).Properties()
            .SelectMany(path => ((JObject)path.Value).Properties().Select(op => (path.Name, op.Name.ToUpperInvariant(), (JObject)op.Value)));

    [Test]
    public void Every_operation_of_the_spec_is_in_the_model_in_order_with_its_id_method_and_path()
    {
        Assert.That(TelnyxOperation.All.Select(o => (o.OperationId, o.Method, o.Path)),
            Is.EqualTo(SpecOperations().Select(o => ((string)o.Operation["operationId"]!, o.Method, o.Path))));
    }

    [Test]
    public void Every_operation_lists_the_events_of_its_x_telnyx_webhooks_in_order_each_with_its_role()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, _, operation) in SpecOperations())
            {
                var listed = operation["x-telnyx-webhooks"] as JObject;
                Assert.That(listed, Is.Not.Null, $"{path}: x-telnyx-webhooks is a map of event type to role");
                var model = TelnyxOperation.Find((string)operation["operationId"]!)!;
                Assert.That(model.Webhooks.Select(w => (w.EventType, Role: w.Role.ToString().ToLowerInvariant())),
                    Is.EqualTo(listed!.Properties().Select(p => (p.Name, Role: (string)p.Value!))), path);
                Assert.That(model.HasOutcome, Is.EqualTo(listed.Properties().Any(p => (string)p.Value! is "success" or "failure")), path);
            }
        });
    }

    [Test]
    public void Every_listed_event_is_a_curated_webhook()
    {
        var curated = ((JObject)SpecFile.Webhooks.Document["x-webhooks"]!).Properties().Select(p => (string)p.Value["eventType"]!).ToHashSet();

        Assert.That(TelnyxOperation.All.SelectMany(o => o.Webhooks).Select(w => w.EventType).Distinct(), Is.SubsetOf(curated));
    }

    [Test]
    public void Refer_and_SIPREC_outcomes_are_as_the_issue_states_them()
    {
        Assert.That(TelnyxOperation.Find("Refer")!.Webhooks.Select(w => w.ToString()),
            Is.EqualTo(new[] { "call.refer.started: progress", "call.refer.completed: success", "call.refer.failed: failure" }));
        Assert.That(TelnyxOperation.Find("StartSiprec")!.Webhooks.Select(w => w.ToString()),
            Is.EqualTo(new[] { "siprec.started: success", "siprec.stopped: later", "siprec.failed: failure" }));
        Assert.That(TelnyxOperation.Find("StopSiprec")!.Webhooks.Select(w => w.ToString()), Is.EqualTo(new[] { "siprec.stopped: success" }));
        Assert.That(TelnyxOperation.Find("SendDtmf")!.HasOutcome, Is.False, "complete at its 2xx");
    }

    [Test]
    public void The_events_that_end_a_call_are_those_x_webhooks_marks_endsCall()
    {
        var entries = ((JObject)SpecFile.Webhooks.Document["x-webhooks"]!).Properties().Select(p => (JObject)p.Value).ToList();

        Assert.Multiple(() =>
        {
            foreach (var entry in entries)
            {
                Assert.That(TelnyxOperation.EndsCall((string)entry["eventType"]!), Is.EqualTo((bool?)entry["endsCall"] ?? false), (string)entry["eventType"]!);
            }
        });
        Assert.That(TelnyxOperation.EndsCall("no.such.event"), Is.False);
    }

    [Test]
    public void Find_knows_only_the_spec_s_operation_ids_exactly_and_refuses_null()
    {
        Assert.That(TelnyxOperation.Find("Refer")!.Path, Is.EqualTo("/calls/{call_control_id}/actions/refer"));
        Assert.That(TelnyxOperation.Find("refer"), Is.Null);
        Assert.That(TelnyxOperation.Find("NoSuchOperation"), Is.Null);
        Assert.Throws<ArgumentNullException>(() => TelnyxOperation.Find(null!));
        Assert.Throws<ArgumentNullException>(() => TelnyxOperation.EndsCall(null!));
    }
}
