using YamlDotNet.RepresentationModel;
using static Telnyx.Generated.SpecTool.Tests.DriftChange;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// Changes to an operation rather than to its schemas: parameters, deprecation, security, servers, media types,
/// responses and the operation itself, each reported at its location (for every operation a shared part reaches).
/// </summary>
public sealed class OperationDriftTests
{
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
    public void An_operation_removed_upstream_is_reported()
    {
        var findings = FindingsAfter(o => o.Map("paths").Children.Remove(new YamlScalarNode("/calls/{call_control_id}/actions/siprec_stop")));

        AssertSingle(findings, "POST /calls/{call_control_id}/actions/siprec_stop", "missing");
    }
}
