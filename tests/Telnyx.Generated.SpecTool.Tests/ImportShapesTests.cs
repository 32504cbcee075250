using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// Shapes of Telnyx's schemas that NSwag cannot turn into a C# type by name, and how <c>import</c> writes them so the
/// generated client compiles and sends every value the spec allows; and the lint deviations it records.
/// </summary>
public sealed class ImportShapesTests
{
    private string _specDir = null!;

    private string Actions => Path.Combine(_specDir, SpecDirectory.ActionsFile);

    [SetUp]
    public void CopySpec()
    {
        _specDir = Directory.CreateTempSubdirectory("telnyx-shapes-").FullName;
        foreach (var file in Directory.GetFiles(Repo.Path("spec")))
        {
            File.Copy(file, Path.Combine(_specDir, Path.GetFileName(file)));
        }
    }

    [TearDown]
    public void DeleteSpec() => Directory.Delete(_specDir, recursive: true);

    [Test]
    public void A_union_is_written_in_place_and_typed_object_never_a_component_named_after_it()
    {
        var output = Import("/calls/{call_control_id}/actions/playback_start");

        var schemas = Document().Components!.Schemas!;
        var loop = Yaml("components", "schemas", "StartCallPlaybackRequest", "properties", "loop");
        Assert.That(schemas.Keys, Does.Not.Contain("Loopcount"), "Telnyx's Loopcount (string or integer) is no class");
        Assert.That(loop["x-csharp-type"]?.GetValue<string>(), Is.EqualTo("object"), output);
        Assert.That(loop["oneOf"]!.AsArray().Select(v => v!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "string", "integer" }));
        Assert.That(DriftCommand.Findings(Repo.OfficialCallControl, _specDir), Is.Empty);
    }

    [Test]
    public void A_list_of_a_union_is_a_list_of_object_and_the_variants_stay_components()
    {
        Import("/calls/{call_control_id}/actions/ai_assistant_add_messages");

        var messages = Yaml("components", "schemas", "CallAddMessagesToAIAssistantRequest", "properties", "messages");
        Assert.That(messages["x-csharp-type"]?.GetValue<string>(), Is.EqualTo("System.Collections.Generic.List<object>"));
        Assert.That(messages["items"]!["oneOf"]!.AsArray().Select(v => v!["$ref"]!.GetValue<string>()), Does.Contain("#/components/schemas/UserMessage"));
        Assert.That(Document().Components!.Schemas!.Keys, Does.Contain("UserMessage").And.Contain("SystemMessage"));
    }

    [Test]
    public void A_named_plain_string_is_written_in_place_and_an_integer_enum_is_a_named_enum()
    {
        Import("/calls");

        var schemas = Document().Components!.Schemas!;
        Assert.That(schemas.Keys, Does.Not.Contain("VoiceConfig"), "NSwag generates no type for a plain string");
        Assert.That(schemas["StreamBidirectionalSamplingRate"].Enum, Is.Not.Empty);
        Assert.That(Yaml("components", "schemas", "StreamBidirectionalSamplingRate")["x-enumNames"]!.AsArray().Select(n => n!.GetValue<string>()),
            Is.EqualTo(new[] { "Value8000", "Value16000", "Value22050", "Value24000", "Value48000" }));
    }

    [Test]
    public void A_default_Telnyx_s_own_schema_forbids_is_kept_and_listed_as_a_lint_deviation_once()
    {
        var first = Import("/calls/{call_control_id}/actions/transcription_start");
        var deviations = DeviationsFile.Lint(Path.Combine(_specDir, SpecDirectory.DeviationsFile));
        var again = Import("/calls/{call_control_id}/actions/answer");

        Assert.That(first, Does.Contain("lint deviation (in DEVIATIONS.md): oas3-valid-schema-example at #/components/schemas/DeepgramNova2Config/properties/keywords_boosting/default"));
        Assert.That(deviations.Select(d => (d.Location, d.Rule)), Is.EquivalentTo(new[]
        {
            ("#/components/schemas/DeepgramNova2Config/properties/keywords_boosting/default", "oas3-valid-schema-example"),
            ("#/components/schemas/DeepgramNova3Config/properties/keywords_boosting/default", "oas3-valid-schema-example"),
        }));
        Assert.That(DeviationsFile.Lint(Path.Combine(_specDir, SpecDirectory.DeviationsFile)), Is.EqualTo(deviations), "answer reuses those schemas: nothing more to list: " + again);
        Assert.That(DeviationsFile.Drift(Path.Combine(_specDir, SpecDirectory.DeviationsFile)), Is.EqualTo(DeviationsFile.Drift(Repo.Path("spec", SpecDirectory.DeviationsFile))), "drift's table is untouched");
        Assert.That(deviations.Single(d => d.Location.Contains("Nova2", StringComparison.Ordinal)).Matches("oas3-valid-schema-example", "#/components/schemas/DeepgramNova2Config/properties/keywords_boosting/default"), Is.True);
        Assert.That(Yaml("components", "schemas", "DeepgramNova2Config", "properties", "keywords_boosting").AsObject().ContainsKey("default"), Is.True, "Telnyx's default stays, as drift compares it");
    }

    private string Import(string path)
    {
        using var output = new StringWriter();
        var exit = ImportCommand.Run(Repo.OfficialCallControl, path, null, _specDir, output, output);
        Assert.That(exit, Is.Zero, output.ToString());
        return output.ToString();
    }

    private OpenApiDocument Document() => SpecDocument.Load(Actions).Document;

    /// <summary>A node of the imported file as written (extensions included), read as YAML by YamlDotNet and handed over as JSON.</summary>
    private JsonNode Yaml(params string[] keys)
    {
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        using (var reader = File.OpenText(Actions))
        {
            yaml.Load(reader);
        }

        YamlDotNet.RepresentationModel.YamlNode node = yaml.Documents[0].RootNode;
        foreach (var key in keys)
        {
            node = ((YamlDotNet.RepresentationModel.YamlMappingNode)node)[key];
        }

        return Json(node);
    }

    private static JsonNode Json(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlDotNet.RepresentationModel.YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlDotNet.RepresentationModel.YamlScalarNode)c.Key).Value!, (JsonNode?)Json(c.Value)))),
        YamlDotNet.RepresentationModel.YamlSequenceNode list => new JsonArray([.. list.Children.Select(c => (JsonNode?)Json(c))]),
        _ => JsonValue.Create(((YamlDotNet.RepresentationModel.YamlScalarNode)node).Value)!,
    };
}
