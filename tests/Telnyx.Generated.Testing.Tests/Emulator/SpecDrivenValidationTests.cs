using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>
/// Read from spec/telnyx-call-control.yaml in the repository, so a spec change cannot outrun the emulator: every action
/// is served with its method, every required field is enforced, every enum accepts exactly the spec's values.
/// </summary>
public class SpecDrivenValidationTests
{
    private static readonly YamlMappingNode Spec = LoadSpec();

    public static IEnumerable<TestCaseData> Actions() =>
        ((YamlMappingNode)Spec["paths"]).Children.Select(p =>
        {
            var path = ((YamlScalarNode)p.Key).Value!;
            var (method, operation) = ((YamlMappingNode)p.Value).Children.Single();
            var schema = Resolve((YamlMappingNode)operation["requestBody"]["content"]["application/json"]["schema"]);
            var required = schema.Children.TryGetValue("required", out var r) ? ((YamlSequenceNode)r).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray() : [];
            return new TestCaseData(path[(path.LastIndexOf('/') + 1)..], ((YamlScalarNode)method).Value!.ToUpperInvariant(), required).SetArgDisplayNames(path[(path.LastIndexOf('/') + 1)..]);
        });

    public static IEnumerable<TestCaseData> Enums() =>
        from action in Actions()
        let name = (string)action.Arguments[0]!
        from property in PropertiesOf(name)
        let target = Resolve((YamlMappingNode)property.Value)
        where target.Children.ContainsKey("enum")
        select new TestCaseData(name, (string)action.Arguments[1]!, ((YamlScalarNode)property.Key).Value!, ((YamlSequenceNode)target["enum"]).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray())
            .SetArgDisplayNames(name, ((YamlScalarNode)property.Key).Value!);

    [TestCaseSource(nameof(Actions))]
    public async Task An_empty_body_is_rejected_for_each_required_field_and_otherwise_accepted(string action, string method, string[] required)
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        var (status, body) = await SendAsync(emulator, method, action, "{}");

        if (required.Length == 0)
        {
            Assert.That(status, Is.EqualTo(200), body);
            return;
        }

        Assert.That(status, Is.EqualTo(422), body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.That(errors.Select(e => e.GetProperty("code").GetString()), Is.All.EqualTo("10004"));
        Assert.That(errors.Select(e => e.GetProperty("source").GetProperty("pointer").GetString()), Is.EquivalentTo(required.Select(r => "/" + r)));
    }

    [TestCaseSource(nameof(Enums))]
    public async Task Each_enum_accepts_every_spec_value_and_rejects_others_with_10032(string action, string method, string property, string[] values)
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        foreach (var value in values)
        {
            var (ok, okBody) = await SendAsync(emulator, method, action, JsonSerializer.Serialize(new Dictionary<string, string> { [property] = value }));
            Assert.That(ok, Is.EqualTo(200), $"{property}={value}: {okBody}");
        }

        var (status, body) = await SendAsync(emulator, method, action, JsonSerializer.Serialize(new Dictionary<string, string> { [property] = "not-a-value" }));
        Assert.That(status, Is.EqualTo(422));
        var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("10032"));
        Assert.That(error.GetProperty("source").GetProperty("pointer").GetString(), Is.EqualTo("/" + property));
        Assert.That(error.GetProperty("detail").GetString(), Is.EqualTo($"The value must be one of: {string.Join(", ", values)}."));
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> PropertiesOf(string action)
    {
        var (_, operation) = ((YamlMappingNode)((YamlMappingNode)Spec["paths"]).Children.Single(p => ((YamlScalarNode)p.Key).Value!.EndsWith("/" + action, StringComparison.Ordinal)).Value).Children.Single();
        var schema = Resolve((YamlMappingNode)operation["requestBody"]["content"]["application/json"]["schema"]);
        return schema.Children.TryGetValue("properties", out var properties) ? ((YamlMappingNode)properties).Children : [];
    }

    private static async Task<(int Status, string Body)> SendAsync(TelnyxEmulator emulator, string method, string action, string json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(emulator.BaseUrl, $"calls/{Uri.EscapeDataString(emulator.CreateCall())}/actions/{action}"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // Follows $ref, and the allOf: [$ref] wrapper a property uses to add its own description.
    private static YamlMappingNode Resolve(YamlMappingNode schema)
    {
        while (true)
        {
            if (schema.Children.TryGetValue("$ref", out var reference))
            {
                var name = ((YamlScalarNode)reference).Value!;
                schema = (YamlMappingNode)Spec["components"]["schemas"][name[(name.LastIndexOf('/') + 1)..]];
            }
            else if (schema.Children.TryGetValue("allOf", out var all) && all is YamlSequenceNode { Children.Count: 1 } single)
            {
                schema = (YamlMappingNode)single.Children[0];
            }
            else
            {
                return schema;
            }
        }
    }

    private static YamlMappingNode LoadSpec()
    {
        var root = Repo.Root;
        var yaml = new YamlStream();
        using var reader = File.OpenText(Path.Combine(root, "spec", "telnyx-call-control.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
