using Telnyx.Generated.Webhooks;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.Tests.Webhooks;

public class EventTypeMapTests
{
    /// <summary>The parser's event_type -> model table is exactly the spec's x-webhooks map, so the two cannot drift.</summary>
    [Test]
    public void ParserMap_EqualsSpecXWebhooks()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Repo.Path("spec", "telnyx-webhooks.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var map = (YamlMappingNode)root[new YamlScalarNode("x-webhooks")];
        var fromSpec = new Dictionary<string, string>();
        foreach (var entry in map.Children)
        {
            var value = (YamlMappingNode)entry.Value;
            string schema = ((YamlScalarNode)value[new YamlScalarNode("schema")]).Value!;
            fromSpec[((YamlScalarNode)value[new YamlScalarNode("eventType")]).Value!] = schema[(schema.LastIndexOf('/') + 1)..];
        }

        var fromParser = TelnyxWebhookEventTypes.Known.ToDictionary(k => k.EventType, k => k.Type.Name);
        Assert.That(fromParser, Is.EquivalentTo(fromSpec));
        Assert.That(fromSpec, Has.Count.EqualTo(6));
    }

    [Test]
    public void EachModelledType_ParsesToItsClass_AndReportsItsEventType()
    {
        foreach (var (eventType, type) in TelnyxWebhookEventTypes.Known)
        {
            var evt = TelnyxWebhookParser.Parse($$"""{"data":{"event_type":"{{eventType}}"} }""");
            Assert.That(evt, Is.TypeOf(type));
            Assert.That(evt.EventType, Is.EqualTo(eventType));
            var blank = (TelnyxWebhookEvent)Activator.CreateInstance(type)!;
            Assert.That(blank.EventType, Is.EqualTo(eventType), "a model built in a user's test reports its type too");
            Assert.That(blank.Id, Is.Null);
        }
    }
}
