using YamlDotNet.RepresentationModel;
using static Telnyx.Generated.SpecTool.Tests.DriftChange;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// The drift command end to end: the official excerpt shows no drift (every difference is a listed deviation), the
/// report names each change under its operation, JSON and OpenAPI 3.0 documents are read, and bad input exits 2.
/// </summary>
public sealed class DriftReportTests
{
    private static string Drift(string officialPath, out string report, out string errors, string? specDir = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DriftCommand.Run(officialPath, specDir ?? Repo.Path("spec"), output, error);
        report = output.ToString();
        errors = error.ToString();
        return exit switch { 0 => "clean", 1 => "drift", 2 => "bad input", _ => $"exit {exit}" };
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
