namespace Telnyx.Generated.SpecTool;

/// <summary>What kind of difference a finding is; the names are what spec/DEVIATIONS.md lists.</summary>
internal static class DriftKind
{
    /// <summary>Telnyx's spec has the property or operation; spec/ does not.</summary>
    public const string Missing = "missing";

    /// <summary>spec/ has the property; Telnyx's spec does not.</summary>
    public const string Extra = "extra";

    public const string Type = "type";
    public const string Format = "format";

    /// <summary>One side restricts the value to an enum, the other accepts any value of the type.</summary>
    public const string Enum = "enum";

    /// <summary>Telnyx's spec allows an enum value spec/ does not.</summary>
    public const string EnumMissing = "enum-missing";

    /// <summary>spec/ allows an enum value Telnyx's spec does not.</summary>
    public const string EnumExtra = "enum-extra";

    public const string Required = "required";
    public const string Default = "default";

    /// <summary>Telnyx's spec documents a response status spec/ does not.</summary>
    public const string ResponseMissing = "response-missing";

    /// <summary>spec/ documents a response status Telnyx's spec does not.</summary>
    public const string ResponseExtra = "response-extra";
}

/// <summary>
/// One difference. <see cref="Subject"/> is the operation (<c>POST /calls/{call_control_id}/actions/refer</c>) or
/// webhook (<c>webhook callReferStarted</c>); <see cref="Path"/> where inside it (<c>request custom_headers[].name</c>).
/// </summary>
internal sealed record DriftFinding(string Subject, string Path, string Kind, string Detail)
{
    /// <summary>What a deviation pattern is matched against.</summary>
    public string Location => Path.Length == 0 ? Subject : $"{Subject} {Path}";

    public override string ToString() => $"[{Kind}] {Location}: {Detail}";
}
