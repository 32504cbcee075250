using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// What the drift tests share: the operations they name, and the official excerpt changed one way and compared with
/// spec/.
/// </summary>
internal static class DriftChange
{
    public const string Refer = "POST /calls/{call_control_id}/actions/refer";
    public const string SendDtmf = "POST /calls/{call_control_id}/actions/send_dtmf";
    public const string StartSiprec = "POST /calls/{call_control_id}/actions/siprec_start";
    public const string StartNoiseSuppression = "POST /calls/{call_control_id}/actions/suppression_start";
    public const string SwitchSupervisorRole = "POST /calls/{call_control_id}/actions/switch_supervisor_role";
    public const string ReferPath = "/calls/{call_control_id}/actions/refer";

    public static IReadOnlyList<DriftFinding> FindingsAfter(Action<OfficialSpecCopy> change)
    {
        using var copy = new OfficialSpecCopy();
        change(copy);
        return DriftCommand.Findings(copy.Save(), Repo.Path("spec"));
    }

    public static void AssertSingle(IReadOnlyList<DriftFinding> findings, string location, string kind) =>
        Assert.That(findings.Select(f => $"[{f.Kind}] {f.Location}"), Is.EqualTo(new[] { $"[{kind}] {location}" }));

    public static void Set(YamlMappingNode map, string key, YamlNode value) => map.Children[new YamlScalarNode(key)] = value;

    public static void Set(YamlMappingNode map, string key, string value) => Set(map, key, new YamlScalarNode(value));

    public static YamlMappingNode Digits(OfficialSpecCopy o) => o.Map("components", "schemas", "SendDTMFRequest", "properties", "digits");
}
