using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using NSwag;
using Telnyx.Generated.Cli.Commands;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.Cli.Tests.Commands;

/// <summary>
/// The CLI against spec/telnyx-call-control.yaml in the repository: every operation is a <c>call</c> subcommand and
/// every body field an option whose --help shows the spec's description, required, range and enum values, and a
/// value outside a range is refused before anything is sent.
/// </summary>
public class CallCommandSpecTests
{
    public static IEnumerable<TestCaseData> Operations() =>
        SpecYaml.Operations.Select(o => new TestCaseData(o.Action, o.Summary).SetArgDisplayNames(o.Action));

    public static IEnumerable<TestCaseData> Fields() =>
        from operation in SpecYaml.Operations
        from field in Leaves(operation.Body, string.Empty, required: true)
        select new TestCaseData(operation.Action, field.Path, field.Description, field.Required, field.Values, field.Range).SetArgDisplayNames(operation.Action, field.Path);

    public static IEnumerable<TestCaseData> RangedFields() =>
        from operation in SpecYaml.Operations
        from field in Leaves(operation.Body, string.Empty, required: true)
        where field.Range is not null
        let requiredArgs = SpecYaml.Strings(operation.Body, "required").SelectMany(name => new[] { Option(name), ((YamlScalarNode)operation.Body["example"][name]).Value! })
        select new TestCaseData(operation.Action, Option(field.Path), field.Outside, field.Range, requiredArgs.ToArray()).SetArgDisplayNames(operation.Action, field.Path);

    [TestCaseSource(nameof(Operations))]
    public async Task Every_operation_is_a_call_subcommand_with_its_summary(string action, string summary)
    {
        var (code, help, _) = await Support.Cli.RunAsync(["call", "--help"]);

        Assert.That(code, Is.EqualTo(0));
        Assert.That(help, Does.Match($@"(?m)^ +(\S+, )?{Regex.Escape(action)} <call-control-id> +{Regex.Escape(summary)}$"));
    }

    [TestCaseSource(nameof(Fields))]
    public async Task Every_body_field_is_an_option_showing_the_spec_description_required_range_and_values(string action, string path, string description, bool required, string[] values, string? range)
    {
        var (code, help, _) = await Support.Cli.RunAsync(["call", action, "--help"]);
        var (names, text) = OptionHelp(help, Option(path));

        Assert.That(code, Is.EqualTo(0));
        foreach (var line in description.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Assert.That(text, Does.Contain(line));
        }

        Assert.That(names.Contains("(REQUIRED)", StringComparison.Ordinal), Is.EqualTo(required), names);
        Assert.That(Regex.Match(names, "<([^>]*)>").Groups[1].Value.Split('|'), values.Length > 0 ? Is.EquivalentTo(values) : Has.None.Contains("|"));
        Assert.That(text, range is null ? Does.Not.Contain("Range:") : Does.Contain($"Range: {range}."));
    }

    [TestCaseSource(nameof(RangedFields))]
    public async Task A_value_outside_the_spec_range_exits_2_naming_the_option_and_range_before_sending(string action, string option, string outside, string range, string[] requiredArgs)
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        var (code, _, error) = await Support.Cli.RunAsync(["call", action, emulator.CreateCall(), option, outside, .. requiredArgs, "--base-url", emulator.BaseUrl.ToString(), "--api-key", emulator.ApiKey]);

        Assert.That(code, Is.EqualTo(2), error);
        Assert.That(error, Does.Contain($"{option}: The value is outside of allowed range {range}"));
        Assert.That(emulator.Commands, Is.Empty);
    }

    [Test]
    public async Task Every_action_of_Telnyxs_full_call_control_spec_gets_distinct_options_for_its_fields_by_the_same_rules()
    {
        var document = await OpenApiYamlDocument.FromFileAsync(Repo.OfficialCallControl);
        var actions = document.Paths.Where(p => p.Key.Contains("/actions/", StringComparison.Ordinal)).SelectMany(p => p.Value.Values).ToList();
        var names = new Dictionary<string, string[]>();
        foreach (var operation in actions)
        {
            var body = operation.RequestBody.Content["application/json"].Schema.ActualSchema;
            var options = BodyOption.For(operation.OperationId, body, ["--base-url", "--api-key", "--max-retries", "--timeout", "--help"]);
            var all = options.SelectMany(o => o.Option.Aliases.Prepend(o.Option.Name)).ToArray();
            Assert.That(all, Is.Unique, operation.OperationId);
            Assert.That(options.Select(o => o.Path.Split('.')[0]).Distinct(), Is.EquivalentTo(body.ActualProperties.Keys), operation.OperationId);
            names[operation.OperationId] = all;
        }

        Assert.That(actions, Has.Count.GreaterThan(30));
        Assert.That(names["HangupCall"], Is.SupersetOf(new[] { "--client-state", "--command-id", "--custom-header" }));
    }

    private static string Option(string path) => "--" + path.Replace('.', '-').Replace('_', '-');

    // The option's first help column (names, values, REQUIRED) and the whole of its entry.
    private static (string Names, string Text) OptionHelp(string help, string option)
    {
        var lines = help.ReplaceLineEndings("\n").Split('\n');
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)
            && Regex.Matches(l.Trim().Split("  ")[0], "--[a-z0-9-]+").Any(m => m.Value == option));
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"{option} is not in:\n{help}");
        var entry = lines.Skip(at).TakeWhile((l, i) => i == 0 || (l.StartsWith("   ", StringComparison.Ordinal) && !l.TrimStart().StartsWith('-')));
        return (lines[at].Trim().Split("  ")[0], string.Join('\n', entry));
    }

    private static IEnumerable<(string Path, string Description, bool Required, string[] Values, string? Range, string Outside)> Leaves(YamlMappingNode schema, string prefix, bool required)
    {
        foreach (var (name, property) in SpecYaml.Properties(schema))
        {
            var type = SpecYaml.Resolve(property);
            var isRequired = required && SpecYaml.Strings(schema, "required").Contains(name);
            if (SpecYaml.Scalar(type, "type") == "object" && SpecYaml.Properties(type).Any())
            {
                foreach (var leaf in Leaves(type, $"{prefix}{name}.", isRequired))
                {
                    yield return leaf;
                }

                continue;
            }

            var (min, max) = (Number(property, type, "minimum"), Number(property, type, "maximum"));
            var range = min is null && max is null ? null : $"{min?.ToString(CultureInfo.InvariantCulture) ?? "-inf"} to {max?.ToString(CultureInfo.InvariantCulture) ?? "inf"}";
            var outside = (max + 1 ?? min - 1)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            yield return (prefix + name, SpecYaml.Scalar(property, "description") ?? SpecYaml.Scalar(type, "description")!, isRequired, SpecYaml.Strings(type, "enum"), range, outside);
        }
    }

    private static double? Number(YamlMappingNode property, YamlMappingNode type, string key) =>
        (SpecYaml.Scalar(property, key) ?? SpecYaml.Scalar(type, key)) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;
}
