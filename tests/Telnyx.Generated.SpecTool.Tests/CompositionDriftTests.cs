using YamlDotNet.RepresentationModel;
using static Telnyx.Generated.SpecTool.Tests.DriftChange;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// Schemas built from parts: a property that became a oneOf/anyOf choice, a choice between bare types, a property
/// added through an allOf part, and a schema that contains itself (reported once, not followed forever).
/// </summary>
public sealed class CompositionDriftTests
{
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
}
