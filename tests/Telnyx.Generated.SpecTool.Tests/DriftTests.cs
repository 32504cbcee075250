using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// The drift command against the official excerpt (no drift: every difference is a listed deviation) and against
/// copies of it changed the ways Telnyx changes its API: each change is reported, and nothing else is.
/// </summary>
public sealed class DriftTests
{
    private const string Refer = "POST /calls/{call_control_id}/actions/refer";
    private const string SendDtmf = "POST /calls/{call_control_id}/actions/send_dtmf";
    private const string StartSiprec = "POST /calls/{call_control_id}/actions/siprec_start";
    private const string StartNoiseSuppression = "POST /calls/{call_control_id}/actions/suppression_start";
    private const string SwitchSupervisorRole = "POST /calls/{call_control_id}/actions/switch_supervisor_role";

    private static string Drift(string officialPath, out string report, out string errors, string? specDir = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DriftCommand.Run(officialPath, specDir ?? Repo.Path("spec"), output, error);
        report = output.ToString();
        errors = error.ToString();
        return exit switch { 0 => "clean", 1 => "drift", 2 => "bad input", _ => $"exit {exit}" };
    }

    private static IReadOnlyList<DriftFinding> FindingsAfter(Action<OfficialSpecCopy> change)
    {
        using var copy = new OfficialSpecCopy();
        change(copy);
        return DriftCommand.Findings(copy.Save(), Repo.Path("spec"));
    }

    private static void AssertSingle(IReadOnlyList<DriftFinding> findings, string location, string kind)
    {
        Assert.That(findings.Select(f => $"[{f.Kind}] {f.Location}"), Is.EqualTo(new[] { $"[{kind}] {location}" }));
    }

    [Test]
    public void The_official_excerpt_shows_no_drift()
    {
        var result = Drift(Repo.OfficialExcerpt, out var report, out var errors);

        Assert.That(result, Is.EqualTo("clean"), report + errors);
        Assert.That(report, Does.Contain("Compared 8 operations and 6 webhooks"));
        Assert.That(report, Does.Contain("No drift."));
        Assert.That(report, Does.Not.Contain("matched nothing"), "every listed deviation is still needed");
    }

    [Test]
    public void Without_the_deviations_file_entries_the_listed_differences_are_reported()
    {
        // Proves the comparison sees what DEVIATIONS.md hides: the excerpt is clean only because of the list.
        var specDir = Directory.CreateTempSubdirectory("telnyx-spec-").FullName;
        try
        {
            foreach (var file in new[] { "telnyx-call-control.yaml", "telnyx-webhooks.yaml" })
            {
                File.Copy(Path.Combine(Repo.Path("spec"), file), Path.Combine(specDir, file));
            }

            File.WriteAllText(Path.Combine(specDir, "DEVIATIONS.md"), "# none\n");

            var findings = DriftCommand.Findings(Repo.OfficialExcerpt, specDir);

            Assert.That(findings.Select(f => f.Kind).Distinct(), Is.EquivalentTo(new[] { "enum", "format", "extra", "pattern" }));
            Assert.That(findings, Has.Some.Matches<DriftFinding>(f => f!.Location == "webhook callSiprecFailed meta" && f.Kind == "extra"));
            Assert.That(findings, Has.Some.Matches<DriftFinding>(f => f!.Location == "POST /calls/{call_control_id}/actions/refer request client_state" && f.Kind == "pattern"));
            Assert.That(findings, Has.Some.Matches<DriftFinding>(f => f!.Location == $"{StartSiprec} request secure" && f.Kind == "enum"));
        }
        finally
        {
            Directory.Delete(specDir, recursive: true);
        }
    }

    [Test]
    public void A_property_added_upstream_is_reported_as_missing()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "ReferRequest", "properties")
            .Add("sip_refer_to_params", new YamlMappingNode { { "type", "string" }, { "description", "new" } }));

        AssertSingle(findings, $"{Refer} request sip_refer_to_params", "missing");
        Assert.That(findings[0].Detail, Does.Contain("string"));
    }

    [Test]
    public void A_property_removed_upstream_is_reported_as_extra()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "ReferRequest", "properties")
            .Children.Remove(new YamlScalarNode("sip_auth_username")));

        AssertSingle(findings, $"{Refer} request sip_auth_username", "extra");
    }

    [Test]
    public void A_retyped_property_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "SendDTMFRequest", "properties", "duration_millis")
            .Children[new YamlScalarNode("type")] = new YamlScalarNode("number"));

        AssertSingle(findings, $"{SendDtmf} request duration_millis", "type");
        Assert.That(findings[0].Detail, Does.Contain("number").And.Contain("integer"));
    }

    [Test]
    public void A_changed_format_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "SendDTMFRequest", "properties", "duration_millis")
            .Children[new YamlScalarNode("format")] = new YamlScalarNode("int64"));

        AssertSingle(findings, $"{SendDtmf} request duration_millis", "format");
    }

    [Test]
    public void An_enum_value_added_upstream_is_reported()
    {
        var findings = FindingsAfter(o => o.Sequence("components", "schemas", "NoiseSuppressionEngine", "enum")
            .Add(new YamlScalarNode("quail_voice_focus_xxs")));

        AssertSingle(findings, $"{StartNoiseSuppression} request noise_suppression_engine", "enum-missing");
        Assert.That(findings[0].Detail, Does.Contain("quail_voice_focus_xxs"));
    }

    [Test]
    public void An_enum_value_removed_upstream_is_reported()
    {
        var findings = FindingsAfter(o =>
        {
            var values = o.Sequence("components", "schemas", "SwitchSupervisorRoleRequest", "properties", "role", "enum");
            values.Children.Remove(values.Children.Single(v => ((YamlScalarNode)v).Value == "whisper"));
        });

        AssertSingle(findings, $"{SwitchSupervisorRole} request role", "enum-extra");
        Assert.That(findings[0].Detail, Does.Contain("whisper"));
    }

    [Test]
    public void An_enum_value_added_in_a_nested_object_is_reported()
    {
        var findings = FindingsAfter(o => o.Sequence("components", "schemas", "NoiseSuppressionEngineConfig", "properties", "size", "enum")
            .Add(new YamlScalarNode("xxl")));

        AssertSingle(findings, $"{StartNoiseSuppression} request noise_suppression_engine_config.size", "enum-missing");
    }

    [Test]
    public void A_property_that_became_optional_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "SendDTMFRequest").Children.Remove(new YamlScalarNode("required")));

        AssertSingle(findings, $"{SendDtmf} request digits", "required");
        Assert.That(findings[0].Detail, Does.Contain("optional"));
    }

    [Test]
    public void A_property_that_became_required_is_reported()
    {
        var findings = FindingsAfter(o => o.Sequence("components", "schemas", "CustomSipHeader", "required").Children.RemoveAt(1));

        AssertSingle(findings, $"{Refer} request custom_headers[].value", "required");
    }

    [Test]
    public void A_changed_default_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "StartSiprecRequest", "properties", "session_timeout_secs")
            .Children[new YamlScalarNode("default")] = new YamlScalarNode("900"));

        AssertSingle(findings, $"{StartSiprec} request session_timeout_secs", "default");
        Assert.That(findings[0].Detail, Does.Contain("900").And.Contain("1800"));
    }

    [Test]
    public void A_new_error_response_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("paths", "/calls/{call_control_id}/actions/refer", "post", "responses")
            .Add("404", new YamlMappingNode { { "$ref", "#/components/responses/call-control_GenericErrorResponse" } }));

        AssertSingle(findings, $"{Refer} response 404", "response-missing");
    }

    [Test]
    public void A_removed_error_response_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("paths", "/calls/{call_control_id}/actions/send_dtmf", "post", "responses")
            .Children.Remove(new YamlScalarNode("422")));

        AssertSingle(findings, $"{SendDtmf} response 422", "response-extra");
    }

    [Test]
    public void A_changed_error_schema_is_reported_for_every_response_that_uses_it()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "call-control_Error", "properties")
            .Add("retry_after", new YamlMappingNode { { "type", "integer" } }));

        Assert.That(findings.Select(f => (f.Kind, f.Path.Split(' ').Last())).Distinct(), Is.EqualTo(new[] { ("missing", "errors[].retry_after") }));
        Assert.That(findings.Select(f => f.Path.Split(' ')[1]).Distinct(), Is.EquivalentTo(new[] { "422", "default" }));
        Assert.That(findings.Select(f => f.Subject).Distinct().Count(), Is.EqualTo(8));
    }

    [Test]
    public void A_webhook_payload_property_added_upstream_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "CallSiprecStopped", "properties", "payload", "properties")
            .Add("to", new YamlMappingNode { { "type", "string" } }));

        AssertSingle(findings, "webhook callSiprecStopped data.payload.to", "missing");
    }

    [Test]
    public void A_webhook_removed_upstream_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("webhooks").Children.Remove(new YamlScalarNode("callReferFailed")));

        AssertSingle(findings, "webhook callReferFailed", "missing");
    }

    [Test]
    public void An_operation_removed_upstream_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("paths").Children.Remove(new YamlScalarNode("/calls/{call_control_id}/actions/siprec_stop")));

        AssertSingle(findings, "POST /calls/{call_control_id}/actions/siprec_stop", "missing");
    }

    [Test]
    public void An_official_spec_in_json_compares_like_yaml()
    {
        using var copy = new OfficialSpecCopy();
        var json = Json(copy.Node())!.ToJsonString();
        File.WriteAllText(copy.FilePath, json);

        Assert.That(json.TrimStart(), Does.StartWith("{"));
        Assert.That(Drift(copy.FilePath, out var report, out _), Is.EqualTo("clean"), report);
    }

    // YAML's plain scalars keep their YAML type in JSON (250 stays a number, '250' a string), as in Telnyx's spec3.json.
    private static System.Text.Json.Nodes.JsonNode? Json(YamlNode node) => node switch
    {
        YamlMappingNode map => new System.Text.Json.Nodes.JsonObject(map.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Json(kv.Value)))),
        YamlSequenceNode list => new System.Text.Json.Nodes.JsonArray(list.Select(Json).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var plain } when plain is "true" or "false" or "null" || decimal.TryParse(plain, System.Globalization.CultureInfo.InvariantCulture, out _)
            => System.Text.Json.Nodes.JsonNode.Parse(plain!),
        YamlScalarNode scalar => System.Text.Json.Nodes.JsonValue.Create(scalar.Value),
        _ => null,
    };

    [Test]
    public void An_openapi_3_0_document_is_compared_and_the_report_says_so()
    {
        // Our own 3.0 fragment as the "official" side: every operation matches; it has no 3.1 webhooks to compare.
        var result = Drift(Repo.Path("spec", "telnyx-call-control.yaml"), out var report, out var errors);

        Assert.That(result, Is.EqualTo("drift"), errors);
        Assert.That(report, Does.Contain("(read as OpenAPI 3.0)").And.Contain("Compared 8 operations"));
        Assert.That(report, Does.Not.Contain("\nPOST /calls"), "no operation differs from itself");
        Assert.That(report, Does.Contain("6 difference(s)"));
    }

    [Test]
    public void The_report_names_each_change_under_its_operation()
    {
        using var copy = new OfficialSpecCopy();
        copy.Sequence("components", "schemas", "NoiseSuppressionDirection", "enum").Add(new YamlScalarNode("none"));

        var result = Drift(copy.Save(), out var report, out _);

        Assert.That(result, Is.EqualTo("drift"));
        Assert.That(report, Does.Contain(StartNoiseSuppression + "\n  [enum-missing] request direction: Telnyx's spec allows 'none'; spec/ does not."));
        Assert.That(report, Does.Contain("1 difference(s)"));
    }

    [Test]
    public void A_missing_file_is_bad_input()
    {
        var result = Drift(Path.Combine(Path.GetTempPath(), "no-such-spec.yaml"), out _, out var errors);

        Assert.That(result, Is.EqualTo("bad input"));
        Assert.That(errors, Does.Contain("not found").And.Contain("no-such-spec.yaml"));
    }

    [TestCase("title: not an api\n", "not an OpenAPI document")]
    [TestCase("{\"openapi\": ", "not a readable OpenAPI document (json)")]
    [TestCase("openapi: 3.1.0\n  bad: [indent\n", "not a readable OpenAPI document (yaml)")]
    public void A_file_that_is_not_a_spec_is_bad_input(string content, string message)
    {
        using var copy = new OfficialSpecCopy();
        File.WriteAllText(copy.FilePath, content);

        var result = Drift(copy.FilePath, out _, out var errors);

        Assert.That(result, Is.EqualTo("bad input"));
        Assert.That(errors, Does.Contain(message));
    }

    [Test]
    public void A_deviation_without_a_reason_is_bad_input()
    {
        var specDir = Directory.CreateTempSubdirectory("telnyx-spec-").FullName;
        try
        {
            foreach (var file in new[] { "telnyx-call-control.yaml", "telnyx-webhooks.yaml" })
            {
                File.Copy(Path.Combine(Repo.Path("spec"), file), Path.Combine(specDir, file));
            }

            File.WriteAllText(Path.Combine(specDir, "DEVIATIONS.md"), "| location | kind | reason |\n|---|---|---|\n| `webhook * meta` | `extra` |  |\n");

            Assert.That(Drift(Repo.OfficialExcerpt, out _, out var errors, specDir), Is.EqualTo("bad input"));
            Assert.That(errors, Does.Contain("no reason"));
        }
        finally
        {
            Directory.Delete(specDir, recursive: true);
        }
    }
}
