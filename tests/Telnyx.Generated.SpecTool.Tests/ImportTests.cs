using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// <c>import</c> into a temporary copy of spec/, in process: what it writes follows our conventions, leaves the rest of
/// the file as it was, and drift is clean afterwards; what it refuses, it refuses without writing.
/// </summary>
public sealed class ImportTests
{
    private const string Hangup = "/calls/{call_control_id}/actions/hangup";
    private const string RecordStart = "/calls/{call_control_id}/actions/record_start";

    private string _specDir = null!;

    private string Actions => Path.Combine(_specDir, "telnyx-call-control.yaml");

    [SetUp]
    public void CopySpec()
    {
        _specDir = Directory.CreateTempSubdirectory("telnyx-import-").FullName;
        foreach (var file in Directory.GetFiles(Repo.Path("spec")))
        {
            File.Copy(file, Path.Combine(_specDir, Path.GetFileName(file)));
        }
    }

    [TearDown]
    public void DeleteSpec() => Directory.Delete(_specDir, recursive: true);

    private (int Exit, string Output, string Error) Import(string path, string? operationId = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ImportCommand.Run(Repo.OfficialCallControl, path, operationId, _specDir, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private OpenApiDocument Imported() => SpecDocument.Load(Actions).Document;

    [Test]
    public void Hangup_is_imported_with_our_names_and_shared_parts_and_shows_no_drift()
    {
        var result = Import(Hangup);

        Assert.That(result.Exit, Is.Zero, result.Output + result.Error);
        Assert.That(result.Output, Does.Contain("operationId: Hangup").And.Contain("(Telnyx's: HangupCall").And.Contain("x-telnyx-idempotency: command-id"));
        Assert.That(result.Output, Does.Contain($"drift: no drift for POST {Hangup}."));
        var text = File.ReadAllText(Actions);
        Assert.That(text, Does.Contain("""
                  parameters:
                    - $ref: '#/components/parameters/CallControlId'
                  requestBody:
                    x-name: request
            """));
        Assert.That(text, Does.Contain("""
                    default:
                      $ref: '#/components/responses/GenericErrorResponse'
            """));
        Assert.That(text, Does.Contain("$ref: '#/components/schemas/CustomSipHeader'"), "the existing header schema is reused");
        var document = Imported();
        Assert.That(document.Components!.Schemas!.Keys, Does.Contain("HangupRequest").And.Not.Contain("CustomSipHeader2"));
        Assert.That(document.Components.Schemas["HangupRequest"].Properties!.Values.Select(p => p.Description), Has.All.Not.Empty);
        Assert.That(DriftCommand.Findings(Repo.OfficialCallControl, _specDir), Is.Empty);
    }

    [Test]
    public void The_rest_of_the_file_is_left_as_it_was()
    {
        var before = File.ReadAllLines(Actions);

        Import(Hangup);

        var after = File.ReadAllLines(Actions);
        var next = 0;
        foreach (var line in after)
        {
            if (next < before.Length && line == before[next])
            {
                next++;
            }
        }

        Assert.That(next, Is.EqualTo(before.Length), "every original line, comments included, is still there in order");
        Assert.That(after.Take(4), Is.EqualTo(before.Take(4)), "the header comment is untouched");
        Assert.That(after, Has.Length.GreaterThan(before.Length));
    }

    [Test]
    public void The_operation_id_can_be_chosen_and_names_the_request_schema()
    {
        var result = Import(Hangup, "EndCall");

        Assert.That(result.Exit, Is.Zero, result.Error);
        Assert.That(Imported().Paths[Hangup].Operations![HttpMethod.Post].OperationId, Is.EqualTo("EndCall"));
        Assert.That(Imported().Components!.Schemas!.Keys, Does.Contain("EndCallRequest"));
    }

    [Test]
    public void Every_string_enum_becomes_a_named_schema_with_enum_names()
    {
        var result = Import(RecordStart);

        Assert.That(result.Exit, Is.Zero, result.Output + result.Error);
        var schemas = Imported().Components!.Schemas!;
        var enums = schemas.Where(s => s.Value.Enum is { Count: > 0 } && s.Value.Type == JsonSchemaType.String).ToList();
        Assert.That(enums.Select(e => e.Key), Does.Contain("StartCallRecordFormat").And.Contain("StartCallRecordChannels"));
        foreach (var (name, schema) in enums)
        {
            Assert.That(schema.Extensions, Does.ContainKey("x-enumNames"), name);
            Assert.That(schema.Description, Is.Not.Empty, name);
        }

        Assert.That(schemas["StartCallRecordRequest"].Properties!.Values.Where(p => p.Enum is { Count: > 0 }), Is.Empty, "no inline string enum left");
        Assert.That(DriftCommand.Findings(Repo.OfficialCallControl, _specDir), Is.Empty);
    }

    [Test]
    public void An_operation_without_command_id_is_marked_none()
    {
        var result = Import("/calls/{call_control_id}");

        Assert.That(result.Exit, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Contain("x-telnyx-idempotency: none"));
        Assert.That(File.ReadAllText(Actions), Does.Contain("x-telnyx-idempotency: none"));
    }

    [Test]
    public void A_request_body_is_its_own_schema_even_when_one_with_the_same_fields_exists()
    {
        // ai_assistant_stop takes client_state and command_id, exactly the fields of StopSiprecRequest.
        var result = Import("/calls/{call_control_id}/actions/ai_assistant_stop", "StopAiAssistant");

        Assert.That(result.Exit, Is.Zero, result.Error);
        Assert.That(File.ReadAllText(Actions), Does.Contain("$ref: '#/components/schemas/StopAiAssistantRequest'"));
    }

    [Test]
    public void An_operation_already_curated_is_refused_and_nothing_is_written()
    {
        var before = File.ReadAllText(Actions);

        var result = Import("/calls/{call_control_id}/actions/refer");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("already curated").And.Contain("as Refer"));
        Assert.That(File.ReadAllText(Actions), Is.EqualTo(before));
    }

    [Test]
    public void A_name_already_taken_is_refused()
    {
        var result = Import(Hangup, "Refer");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("already has an operation named Refer"));
    }

    [TestCase("eventType: call.refer.started,", "eventType: 42,", "x-webhooks.callReferStarted has no 'eventType'")]
    [TestCase("eventType: call.refer.started,", "eventType: [call.refer.started],", "x-webhooks.callReferStarted has no 'eventType'")]
    [TestCase("schema: '#/components/schemas/CallSiprecFailedEvent' }", "schema: '#/components/schemas/CallSiprecFailedEvent', endsCall: maybe }", "endsCall must be true or false")]
    public void A_webhooks_spec_the_model_cannot_read_is_exit_2_with_the_reason_and_nothing_is_written(string original, string broken, string reason)
    {
        var webhooks = Path.Combine(_specDir, "telnyx-webhooks.yaml");
        File.WriteAllText(webhooks, File.ReadAllText(webhooks).Replace(original, broken, StringComparison.Ordinal));
        var before = File.ReadAllText(Actions);

        var result = Import(Hangup);

        Assert.That(result.Exit, Is.EqualTo(2), "no stack trace: " + result.Error);
        Assert.That(result.Error, Does.StartWith("error: ").And.Contain(reason));
        Assert.That(File.ReadAllText(Actions), Is.EqualTo(before));
    }

    [Test]
    public void An_unknown_path_is_refused()
    {
        var result = Import("/calls/{call_control_id}/actions/teleport");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("has no path '/calls/{call_control_id}/actions/teleport'"));
    }

    [TestCase("HangupCall", "Hangup")]
    [TestCase("SendDTMF", "SendDtmf")]
    [TestCase("ReferCall", "Refer")]
    [TestCase("noiseSuppressionStart", "NoiseSuppressionStart")]
    [TestCase("StartSiprecSession", "StartSiprecSession")]
    public void Operation_ids_are_derived_from_Telnyx_s(string official, string ours) =>
        Assert.That(Naming.OperationId(official), Is.EqualTo(ours));
}
