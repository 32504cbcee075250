using YamlDotNet.RepresentationModel;
using static Telnyx.Generated.SpecTool.Tests.DriftChange;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// A changed bound, length, pattern, array rule, enum value or const: each a one-edit change of the official excerpt,
/// reported with its kind at its location, and nothing else is.
/// </summary>
public sealed class ConstraintDriftTests
{
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
}
