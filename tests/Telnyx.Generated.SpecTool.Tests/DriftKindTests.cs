using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// One test per kind of change Telnyx can make to what is valid on the wire, each a one-edit change of the official
/// excerpt: the change is reported with its kind at its location, and nothing else is.
/// </summary>
public sealed class DriftKindTests
{
    private const string Refer = "POST /calls/{call_control_id}/actions/refer";
    private const string SendDtmf = "POST /calls/{call_control_id}/actions/send_dtmf";
    private const string StartNoiseSuppression = "POST /calls/{call_control_id}/actions/suppression_start";
    private const string ReferPath = "/calls/{call_control_id}/actions/refer";

    private static IReadOnlyList<DriftFinding> FindingsAfter(Action<OfficialSpecCopy> change)
    {
        using var copy = new OfficialSpecCopy();
        change(copy);
        return DriftCommand.Findings(copy.Save(), Repo.Path("spec"));
    }

    private static void AssertSingle(IReadOnlyList<DriftFinding> findings, string location, string kind) =>
        Assert.That(findings.Select(f => $"[{f.Kind}] {f.Location}"), Is.EqualTo(new[] { $"[{kind}] {location}" }));

    private static void Set(YamlMappingNode map, string key, YamlNode value) => map.Children[new YamlScalarNode(key)] = value;

    private static void Set(YamlMappingNode map, string key, string value) => Set(map, key, new YamlScalarNode(value));

    private static YamlMappingNode Digits(OfficialSpecCopy o) => o.Map("components", "schemas", "SendDTMFRequest", "properties", "digits");

    private static YamlMappingNode DurationMillis(OfficialSpecCopy o) => o.Map("components", "schemas", "SendDTMFRequest", "properties", "duration_millis");

    private static YamlMappingNode EngineConfig(OfficialSpecCopy o, string property) => o.Map("components", "schemas", "NoiseSuppressionEngineConfig", "properties", property);

    [TestCase("minimum", "10", "minimum")]
    [TestCase("maximum", "90", "maximum")]
    [TestCase("multipleOf", "5", "multiple-of")]
    public void A_changed_numeric_bound_is_reported(string keyword, string value, string kind)
    {
        var findings = FindingsAfter(o => Set(EngineConfig(o, "attenuation_limit"), keyword, value));

        AssertSingle(findings, $"{StartNoiseSuppression} request noise_suppression_engine_config.attenuation_limit", kind);
        Assert.That(findings[0].Detail, Does.Contain(value));
    }

    // The reader keeps one bound per side, as OpenAPI 3.0 did: an inclusive bound that became exclusive is both kinds.
    [TestCase("minimum", "exclusiveMinimum", "exclusive-minimum")]
    [TestCase("maximum", "exclusiveMaximum", "exclusive-maximum")]
    public void A_bound_that_became_exclusive_is_reported(string inclusive, string exclusive, string kind)
    {
        var findings = FindingsAfter(o =>
        {
            var limit = EngineConfig(o, "attenuation_limit");
            Set(limit, exclusive, limit.Children[new YamlScalarNode(inclusive)]);
            limit.Children.Remove(new YamlScalarNode(inclusive));
        });

        Assert.That(findings.Select(f => f.Kind), Is.EquivalentTo(new[] { kind, inclusive }));
        Assert.That(findings.Select(f => f.Location).Distinct(), Is.EqualTo(new[] { $"{StartNoiseSuppression} request noise_suppression_engine_config.attenuation_limit" }));
    }

    [TestCase("minLength", "1", "min-length")]
    [TestCase("maxLength", "64", "max-length")]
    [TestCase("pattern", "^[0-9A-Dw*#]+$", "pattern")]
    public void A_new_string_constraint_is_reported(string keyword, string value, string kind)
    {
        var findings = FindingsAfter(o => Set(Digits(o), keyword, value));

        AssertSingle(findings, $"{SendDtmf} request digits", kind);
    }

    [TestCase("minItems", "1", "min-items")]
    [TestCase("maxItems", "10", "max-items")]
    [TestCase("uniqueItems", "true", "unique-items")]
    public void A_new_array_constraint_is_reported(string keyword, string value, string kind)
    {
        var findings = FindingsAfter(o => Set(o.Map("components", "schemas", "ReferRequest", "properties", "custom_headers"), keyword, value));

        AssertSingle(findings, $"{Refer} request custom_headers", kind);
    }

    [Test]
    public void Closing_an_object_to_additional_properties_is_reported()
    {
        var findings = FindingsAfter(o => Set(o.Map("components", "schemas", "ReferRequest"), "additionalProperties", "false"));

        AssertSingle(findings, $"{Refer} request", "additional-properties");
    }

    [Test]
    public void A_typed_map_of_additional_properties_is_reported()
    {
        var findings = FindingsAfter(o => Set(o.Map("components", "schemas", "ReferRequest"), "additionalProperties", new YamlMappingNode { { "type", "string" } }));

        AssertSingle(findings, $"{Refer} request{{}}", "missing");
    }

    [Test]
    public void A_property_that_became_nullable_is_reported()
    {
        var findings = FindingsAfter(o => Set(Digits(o), "type", new YamlSequenceNode(new YamlScalarNode("string"), new YamlScalarNode("null") { Style = YamlDotNet.Core.ScalarStyle.SingleQuoted })));

        AssertSingle(findings, $"{SendDtmf} request digits", "nullable");
    }

    [Test]
    public void A_default_that_changed_json_type_is_reported()
    {
        var findings = FindingsAfter(o => Set(DurationMillis(o), "default", new YamlScalarNode("250") { Style = YamlDotNet.Core.ScalarStyle.SingleQuoted }));

        AssertSingle(findings, $"{SendDtmf} request duration_millis", "default");
        Assert.That(findings[0].Detail, Does.Contain("\"250\"").And.Contain("spec/: 250"));
    }

    [Test]
    public void A_const_that_changed_is_reported()
    {
        var findings = FindingsAfter(o =>
        {
            var name = o.Map("components", "schemas", "SipHeader", "properties", "name");
            name.Children.Remove(new YamlScalarNode("enum"));
            Set(name, "const", "X-Custom");
        });

        Assert.That(findings.Select(f => f.Kind), Is.EquivalentTo(new[] { "enum-missing", "enum-extra" }));
        Assert.That(findings.Select(f => f.Location).Distinct(), Is.EqualTo(new[] { $"{Refer} request sip_headers[].name" }));
    }

    [TestCase("oneOf", "one-of")]
    [TestCase("anyOf", "any-of")]
    public void A_property_that_became_a_choice_is_reported(string keyword, string kind)
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "SendDTMFRequest", "properties")
            .Children[new YamlScalarNode("digits")] = new YamlMappingNode
            {
                { keyword, new YamlSequenceNode(new YamlMappingNode { { "type", "string" } }, new YamlMappingNode { { "type", "array" }, { "items", new YamlMappingNode { { "type", "string" } } } }) },
            });

        Assert.That(findings.Select(f => $"[{f.Kind}] {f.Location}"), Is.EquivalentTo(new[] { $"[{kind}] {SendDtmf} request digits", $"[type] {SendDtmf} request digits" }));
    }

    [Test]
    public void A_choice_between_bare_types_is_reported_as_a_type_list()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "SendDTMFRequest", "properties")
            .Children[new YamlScalarNode("digits")] = new YamlMappingNode
            {
                { "oneOf", new YamlSequenceNode(new YamlMappingNode { { "type", "string" } }, new YamlMappingNode { { "type", "integer" } }) },
            });

        AssertSingle(findings, $"{SendDtmf} request digits", "type");
        Assert.That(findings[0].Detail, Does.Contain("integer|string"));
    }

    [Test]
    public void A_property_added_through_an_all_of_part_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "ReferRequest").Add("allOf", new YamlSequenceNode(new YamlMappingNode
        {
            { "properties", new YamlMappingNode { { "sip_refer_to_params", new YamlMappingNode { { "type", "string" } } } } },
        })));

        AssertSingle(findings, $"{Refer} request sip_refer_to_params", "missing");
    }

    [Test]
    public void A_schema_that_contains_itself_is_reported_once()
    {
        var findings = FindingsAfter(o => o.Map("components", "schemas", "CustomSipHeader", "properties")
            .Add("alternatives", new YamlMappingNode { { "type", "array" }, { "items", new YamlMappingNode { { "$ref", "#/components/schemas/CustomSipHeader" } } } }));

        AssertSingle(findings, $"{Refer} request custom_headers[].alternatives", "missing");
    }

    [Test]
    public void A_new_required_header_parameter_is_reported()
    {
        var findings = FindingsAfter(o => o.Sequence("paths", ReferPath, "post", "parameters").Add(new YamlMappingNode
        {
            { "in", "header" }, { "name", "Idempotency-Key" }, { "required", "true" }, { "schema", new YamlMappingNode { { "type", "string" } } },
        }));

        AssertSingle(findings, $"{Refer} header idempotency-key", "missing");
        Assert.That(findings[0].Detail, Does.Contain("required"));
    }

    [Test]
    public void A_new_query_parameter_is_reported()
    {
        var findings = FindingsAfter(o => o.Sequence("paths", ReferPath, "post", "parameters").Add(new YamlMappingNode
        {
            { "in", "query" }, { "name", "dry_run" }, { "schema", new YamlMappingNode { { "type", "boolean" } } },
        }));

        AssertSingle(findings, $"{Refer} query dry_run", "missing");
    }

    [Test]
    public void A_retyped_path_parameter_is_reported_for_every_operation_that_uses_it()
    {
        var findings = FindingsAfter(o => Set(o.Map("components", "parameters", "CallControlId", "schema"), "format", "uuid"));

        Assert.That(findings.Select(f => (f.Kind, f.Path)).Distinct(), Is.EqualTo(new[] { ("format", "path call_control_id") }));
        Assert.That(findings, Has.Count.EqualTo(8));
    }

    [Test]
    public void A_deprecated_operation_is_reported()
    {
        var findings = FindingsAfter(o => Set(o.Map("paths", ReferPath, "post"), "deprecated", "true"));

        AssertSingle(findings, Refer, "deprecated");
    }

    [Test]
    public void A_deprecated_property_is_reported()
    {
        var findings = FindingsAfter(o => Set(o.Map("components", "schemas", "ReferRequest", "properties", "sip_auth_username"), "deprecated", "true"));

        AssertSingle(findings, $"{Refer} request sip_auth_username", "deprecated");
    }

    [Test]
    public void An_operation_without_security_is_reported()
    {
        var findings = FindingsAfter(o => Set(o.Map("paths", ReferPath, "post"), "security", new YamlSequenceNode()));

        AssertSingle(findings, Refer, "security");
        Assert.That(findings[0].Detail, Does.Contain("none").And.Contain("http bearer"));
    }

    [Test]
    public void Changed_servers_are_reported_for_every_operation()
    {
        var findings = FindingsAfter(o => Set(o.Sequence("servers").Children.OfType<YamlMappingNode>().Single(), "url", "https://api.telnyx.eu/v2"));

        Assert.That(findings.Select(f => (f.Kind, f.Path)).Distinct(), Is.EqualTo(new[] { ("servers", "") }));
        Assert.That(findings, Has.Count.EqualTo(8));
    }

    [Test]
    public void A_changed_request_media_type_is_reported()
    {
        var findings = FindingsAfter(o =>
        {
            var content = o.Map("paths", ReferPath, "post", "requestBody", "content");
            content.Add("application/x-www-form-urlencoded", content.Children[new YamlScalarNode("application/json")]);
        });

        AssertSingle(findings, $"{Refer} request", "media-types");
    }

    [Test]
    public void A_changed_response_media_type_is_reported()
    {
        var findings = FindingsAfter(o =>
        {
            var content = o.Map("paths", ReferPath, "post", "responses", "200", "content");
            var json = content.Children[new YamlScalarNode("application/json")];
            content.Children.Clear();
            content.Add("application/vnd.telnyx+json", json);
        });

        AssertSingle(findings, $"{Refer} response 200", "media-types");
    }

    [Test]
    public void A_new_response_header_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("paths", ReferPath, "post", "responses", "200")
            .Add("headers", new YamlMappingNode { { "X-Request-Id", new YamlMappingNode { { "schema", new YamlMappingNode { { "type", "string" } } } } } }));

        AssertSingle(findings, $"{Refer} response 200 header x-request-id", "missing");
    }

    [Test]
    public void A_request_body_that_became_optional_is_reported()
    {
        var findings = FindingsAfter(o => Set(o.Map("paths", ReferPath, "post", "requestBody"), "required", "false"));

        AssertSingle(findings, $"{Refer} request", "required");
    }

    [Test]
    public void A_renamed_webhook_signature_header_is_reported()
    {
        var findings = FindingsAfter(o =>
        {
            var header = o.Sequence("webhooks", "callReferStarted", "post", "parameters").Children.OfType<YamlMappingNode>()
                .Single(p => p.Children[new YamlScalarNode("name")].ToString() == "telnyx-signature-ed25519");
            Set(header, "name", "telnyx-signature");
        });

        Assert.That(findings.Select(f => $"[{f.Kind}] {f.Location}"), Is.EquivalentTo(new[]
        {
            "[missing] webhook callReferStarted header telnyx-signature",
            "[extra] webhook callReferStarted header telnyx-signature-ed25519",
        }));
    }

    [Test]
    public void A_webhook_header_whose_type_changes_is_reported()
    {
        var findings = FindingsAfter(o =>
        {
            var header = o.Sequence("webhooks", "callSiprecStopped", "post", "parameters").Children.OfType<YamlMappingNode>()
                .Single(p => p.Children[new YamlScalarNode("name")].ToString() == "telnyx-timestamp");
            Set(header, "schema", new YamlMappingNode { { "type", "string" } });
        });

        Assert.That(findings.Select(f => f.Location), Has.All.StartWith("webhook callSiprecStopped header telnyx-timestamp"));
        Assert.That(findings.Select(f => f.Kind), Does.Contain("type"));
    }

    [Test]
    public void A_new_required_webhook_header_is_reported()
    {
        var findings = FindingsAfter(o => o.Sequence("webhooks", "callSiprecFailed", "post", "parameters").Add(new YamlMappingNode
        {
            { "in", "header" }, { "name", "telnyx-key-id" }, { "required", "true" }, { "schema", new YamlMappingNode { { "type", "string" } } },
        }));

        AssertSingle(findings, "webhook callSiprecFailed header telnyx-key-id", "missing");
    }
}
