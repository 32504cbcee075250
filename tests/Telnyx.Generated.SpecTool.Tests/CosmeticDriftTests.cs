using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// Changes that leave the wire contract as it was stay silent: documentation, order, names, how a schema is reached,
/// and vendor extensions. Each is a one-edit change of the official excerpt (or of both sides, for oneOf).
/// </summary>
public sealed class CosmeticDriftTests
{
    private const string ReferPath = "/calls/{call_control_id}/actions/refer";

    private static IReadOnlyList<DriftFinding> FindingsAfter(Action<OfficialSpecCopy> change)
    {
        using var copy = new OfficialSpecCopy();
        change(copy);
        return DriftCommand.Findings(copy.Save(), Repo.Path("spec"));
    }

    private static YamlMappingNode Schemas(OfficialSpecCopy o) => o.Map("components", "schemas");

    private static void Set(YamlMappingNode map, string key, YamlNode value) => map.Children[new YamlScalarNode(key)] = value;

    [Test]
    public void Changed_descriptions_and_examples_are_silent()
    {
        var findings = FindingsAfter(o =>
        {
            var digits = o.Map("components", "schemas", "SendDTMFRequest", "properties", "digits");
            Set(digits, "description", new YamlScalarNode("Digits."));
            Set(digits, "example", new YamlScalarNode("42"));
            Set(o.Map("paths", ReferPath, "post"), "summary", new YamlScalarNode("Transfer a call"));
        });

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void Reordered_properties_and_enum_values_are_silent()
    {
        var findings = FindingsAfter(o =>
        {
            var properties = o.Map("components", "schemas", "ReferRequest", "properties");
            var reversed = properties.Children.Reverse().ToList();
            properties.Children.Clear();
            foreach (var (key, value) in reversed)
            {
                properties.Add(key, value);
            }

            var values = o.Sequence("components", "schemas", "NoiseSuppressionEngine", "enum");
            var engines = values.Children.Reverse().ToList();
            values.Children.Clear();
            engines.ForEach(values.Add);
        });

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void A_renamed_schema_is_silent()
    {
        using var copy = new OfficialSpecCopy();
        var schemas = Schemas(copy);
        schemas.Add("SipHeaderPair", schemas.Children[new YamlScalarNode("CustomSipHeader")]);
        schemas.Children.Remove(new YamlScalarNode("CustomSipHeader"));
        var text = File.ReadAllText(copy.Save()).Replace("#/components/schemas/CustomSipHeader'", "#/components/schemas/SipHeaderPair'", StringComparison.Ordinal);
        File.WriteAllText(copy.FilePath, text);

        Assert.That(text, Does.Contain("SipHeaderPair'"));
        Assert.That(DriftCommand.Findings(copy.FilePath, Repo.Path("spec")), Is.Empty);
    }

    [Test]
    public void An_inlined_schema_is_silent()
    {
        var findings = FindingsAfter(o => Set(
            o.Map("paths", ReferPath, "post", "requestBody", "content", "application/json"),
            "schema",
            o.Map("components", "schemas", "ReferRequest")));

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void A_reference_wrapped_in_a_single_all_of_is_silent()
    {
        var findings = FindingsAfter(o =>
        {
            var headers = o.Map("components", "schemas", "ReferRequest", "properties", "custom_headers");
            Set(headers, "items", new YamlMappingNode { { "description", "A header." }, { "allOf", new YamlSequenceNode(headers.Children[new YamlScalarNode("items")]) } });
        });

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void A_number_written_differently_is_silent()
    {
        var findings = FindingsAfter(o => Set(o.Map("components", "schemas", "NoiseSuppressionEngineConfig", "properties", "attenuation_limit"), "maximum", new YamlScalarNode("100.0")));

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void Vendor_extensions_are_silent()
    {
        var findings = FindingsAfter(o =>
        {
            Set(o.Map("paths", ReferPath, "post"), "x-telnyx-idempotency", new YamlScalarNode("command-id"));
            Set(o.Map("components", "schemas", "NoiseSuppressionEngine"), "x-enumNames", new YamlSequenceNode(new YamlScalarNode("A")));
            Set(o.Map("components", "schemas", "ReferRequest"), "x-name", new YamlScalarNode("request"));
        });

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void One_of_variants_compare_by_content_not_order()
    {
        YamlMappingNode Variant(string type, string? format = null)
        {
            var variant = new YamlMappingNode { { "type", type } };
            if (format is not null)
            {
                variant.Add("format", format);
            }

            return variant;
        }

        void MakeOneOf(OfficialSpecCopy spec, string schema, params YamlMappingNode[] variants) =>
            spec.Map("components", "schemas", schema, "properties").Children[new YamlScalarNode("digits")] = new YamlMappingNode
            {
                { "description", "Digits." }, { "oneOf", new YamlSequenceNode(variants) },
            };

        IReadOnlyList<DriftFinding> Compare(YamlMappingNode[] theirs, YamlMappingNode[] ours)
        {
            var specDir = Directory.CreateTempSubdirectory("telnyx-spec-").FullName;
            try
            {
                foreach (var file in Directory.GetFiles(Repo.Path("spec")))
                {
                    File.Copy(file, Path.Combine(specDir, Path.GetFileName(file)));
                }

                using var curated = new OfficialSpecCopy(Repo.Path("spec", "telnyx-call-control.yaml"));
                MakeOneOf(curated, "SendDtmfRequest", ours);
                File.Copy(curated.Save(), Path.Combine(specDir, "telnyx-call-control.yaml"), overwrite: true);
                using var official = new OfficialSpecCopy();
                MakeOneOf(official, "SendDTMFRequest", theirs);
                return DriftCommand.Findings(official.Save(), specDir);
            }
            finally
            {
                Directory.Delete(specDir, recursive: true);
            }
        }

        var reordered = Compare([Variant("string"), Variant("integer", "int32")], [Variant("integer", "int32"), Variant("string")]);
        var changedInside = Compare([Variant("string"), Variant("integer", "int64")], [Variant("string"), Variant("integer", "int32")]);

        Assert.That(reordered, Is.Empty);
        Assert.That(changedInside.Select(f => $"[{f.Kind}] {f.Path}"), Is.EqualTo(new[] { "[one-of] request digits" }));
        Assert.That(changedInside[0].Detail, Does.Contain("int64").And.Contain("int32"));
    }
}
