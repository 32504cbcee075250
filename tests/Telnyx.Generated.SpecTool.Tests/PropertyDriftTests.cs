using YamlDotNet.RepresentationModel;
using static Telnyx.Generated.SpecTool.Tests.DriftChange;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// A property added, removed, retyped, made optional, required, nullable or deprecated, or given another default,
/// and an object closed or opened to additional properties: each a one-edit change of the official excerpt, reported
/// with its kind at its location, and nothing else is.
/// </summary>
public sealed class PropertyDriftTests
{
    private static YamlMappingNode DurationMillis(OfficialSpecCopy o) => o.Map("components", "schemas", "SendDTMFRequest", "properties", "duration_millis");

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
    public void A_default_that_changed_json_type_is_reported()
    {
        var findings = FindingsAfter(o => Set(DurationMillis(o), "default", new YamlScalarNode("250") { Style = YamlDotNet.Core.ScalarStyle.SingleQuoted }));

        AssertSingle(findings, $"{SendDtmf} request duration_millis", "default");
        Assert.That(findings[0].Detail, Does.Contain("\"250\"").And.Contain("spec/: 250"));
    }

    [Test]
    public void A_property_that_became_nullable_is_reported()
    {
        var findings = FindingsAfter(o => Set(Digits(o), "type", new YamlSequenceNode(new YamlScalarNode("string"), new YamlScalarNode("null") { Style = YamlDotNet.Core.ScalarStyle.SingleQuoted })));

        AssertSingle(findings, $"{SendDtmf} request digits", "nullable");
    }

    [Test]
    public void A_deprecated_property_is_reported()
    {
        var findings = FindingsAfter(o => Set(o.Map("components", "schemas", "ReferRequest", "properties", "sip_auth_username"), "deprecated", "true"));

        AssertSingle(findings, $"{Refer} request sip_auth_username", "deprecated");
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
}
