using Newtonsoft.Json.Linq;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Tests.Contract;

/// <summary>The verifier reads exactly the signature headers spec/telnyx-webhooks.yaml declares (which drift compares with Telnyx's).</summary>
public class WebhookHeaderContractTests
{
    [Test]
    public void The_verifier_reads_the_headers_the_spec_declares()
    {
        var parameters = (JObject)YamlJson.Load(Repo.Path("spec", "telnyx-webhooks.yaml"))["components"]!["parameters"]!;
        var headers = parameters.Properties().Select(p => p.Value).Where(p => (string?)p["in"] == "header").ToList();

        Assert.That(headers.Select(h => (string)h["name"]!), Is.EquivalentTo(new[] { TelnyxWebhookHeaders.Signature, TelnyxWebhookHeaders.Timestamp }));
        Assert.That(headers.Select(h => (bool?)h["required"]), Has.All.True, "the verifier rejects a webhook without either");
    }
}
