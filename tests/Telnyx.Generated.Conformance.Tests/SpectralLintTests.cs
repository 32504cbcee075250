using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.Conformance.Tests;

/// <summary>
/// Spectral with the repository's .spectral.yaml: spec/ lints clean, and each of our own rules catches the mistake it
/// exists for (so a rule that silently matches nothing cannot pass for a guard).
/// </summary>
[NonParallelizable]
public sealed class SpectralLintTests
{
    private static readonly string[] OwnRules =
    [
        "telnyx-operation-id-deliberate",
        "telnyx-operation-idempotency",
        "telnyx-operation-webhooks",
        "telnyx-operation-one-tag",
        "telnyx-property-description",
        "telnyx-enum-description",
        "telnyx-no-inline-object-property",
        "telnyx-property-allof-is-reference",
        "telnyx-body-schema-is-reference",
    ];

    [OneTimeSetUp]
    public void RequireNode()
    {
        if (NodeTools.MissingReason is { } reason)
        {
            Assert.Ignore(reason); // .ci/run fails the build when these tests did not run
        }
    }

    [Test]
    public async Task The_curated_spec_has_no_errors_and_no_warnings()
    {
        var results = await LintAsync("spec/telnyx-call-control.yaml", "spec/telnyx-webhooks.yaml");

        Assert.That(results.Where(r => r.Fails).Select(r => r.ToString()), Is.Empty);
    }

    [Test]
    public async Task Each_of_our_rules_reports_the_mistake_it_guards_against()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(Repo.Path("spec", "telnyx-call-control.yaml")))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        YamlMappingNode Map(params string[] keys) => (YamlMappingNode)keys.Aggregate<string, YamlNode>(root, (n, k) => ((YamlMappingNode)n).Children[new YamlScalarNode(k)]);

        var sendDtmf = Map("paths", "/calls/{call_control_id}/actions/send_dtmf", "post");
        sendDtmf.Children[new YamlScalarNode("operationId")] = new YamlScalarNode("send_dtmf");
        Map("paths", "/calls/{call_control_id}/actions/siprec_start", "post").Children.Remove(new YamlScalarNode("x-telnyx-idempotency"));
        Map("paths", "/calls/{call_control_id}/actions/siprec_stop", "post").Children[new YamlScalarNode("x-telnyx-idempotency")] = new YamlScalarNode("commandid");
        Map("paths", "/calls/{call_control_id}/actions/refer", "post", "x-telnyx-webhooks").Children[new YamlScalarNode("call.refer.completed")] = new YamlScalarNode("done");
        Map("paths", "/calls/{call_control_id}/actions/siprec_stop", "post").Children[new YamlScalarNode("x-telnyx-webhooks")] = new YamlSequenceNode(new YamlScalarNode("siprec.stopped"));
        Map("paths", "/calls/{call_control_id}/actions/suppression_stop", "post").Children.Remove(new YamlScalarNode("x-telnyx-webhooks"));
        Map("paths", "/calls/{call_control_id}/actions/refer", "post").Children[new YamlScalarNode("tags")] = new YamlSequenceNode(new YamlScalarNode("Call Commands"), new YamlScalarNode("Calls"));
        Map("components", "schemas", "ReferRequest", "properties", "sip_address").Children.Remove(new YamlScalarNode("description"));
        Map("components", "schemas", "SipTransport").Children.Remove(new YamlScalarNode("description"));
        var siprec = Map("components", "schemas", "StartSiprecRequest", "properties");
        siprec.Add("recording", new YamlMappingNode
        {
            { "description", "An inline object." },
            { "type", "object" },
            { "properties", new YamlMappingNode { { "channels", new YamlMappingNode { { "description", "How many." }, { "type", "integer" } } } } },
        });
        siprec.Add("track_hint", new YamlMappingNode
        {
            { "description", "allOf around an inline schema." },
            { "allOf", new YamlSequenceNode(new YamlMappingNode { { "type", "string" } }) },
        });
        Map("paths", "/calls/{call_control_id}/actions/siprec_stop", "post", "requestBody", "content", "application/json").Children[new YamlScalarNode("schema")] =
            new YamlMappingNode { { "type", "object" } };

        var copy = Path.Combine(Path.GetTempPath(), $"telnyx-lint-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var writer = File.CreateText(copy))
            {
                stream.Save(writer, assignAnchors: false);
            }

            var results = await LintAsync(copy);

            Assert.That(results.Where(r => r.Rule.StartsWith("telnyx-", StringComparison.Ordinal)).Select(r => r.Rule).Distinct(), Is.EquivalentTo(OwnRules));
            Assert.That(results.Where(r => OwnRules.Contains(r.Rule)).Select(r => r.Severity).Distinct(), Is.EqualTo(new[] { 0 }), "our rules are errors");
            Assert.That(results, Has.Some.Matches<SpectralResult>(r => r!.Rule == "telnyx-property-description" && r.Location.EndsWith("sip_address", StringComparison.Ordinal)));
            Assert.That(results.Where(r => r.Rule == "telnyx-operation-idempotency").Select(r => r.Location),
                Has.Some.Contains("siprec_start").And.Some.Contains("siprec_stop"), "a missing and a misspelt x-telnyx-idempotency");
            Assert.That(results.Where(r => r.Rule == "telnyx-operation-webhooks").Select(r => r.Location),
                Has.Some.Contains("refer").And.Some.Contains("siprec_stop").And.Some.Contains("suppression_stop"), "an event without a valid role, a list without roles, and no map at all");
            Assert.That(results.Where(r => r.Rule == "telnyx-operation-webhooks").Select(r => r.Location),
                Has.None.Contains("siprec_start").And.None.Contains("send_dtmf"), "operations whose every event has a role pass");
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static Task<IReadOnlyList<SpectralResult>> LintAsync(params string[] files) =>
        Spectral.LintAsync(Repo.Root, Repo.Path(".spectral.yaml"), TimeSpan.FromMinutes(2), files);
}
