using YamlDotNet.RepresentationModel;
using static Telnyx.Generated.SpecTool.Tests.DriftChange;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// Changes to a webhook: a payload property added, the webhook removed, and its headers renamed, retyped or added.
/// </summary>
public sealed class WebhookDriftTests
{
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
