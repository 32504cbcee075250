namespace Telnyx.Generated.SpecTool;

/// <summary>
/// What kind of difference a finding is; the names are what spec/DEVIATIONS.md lists. Every aspect of a
/// <see cref="WireContract"/> node is a kind of its own, so a deviation can be as narrow as one aspect.
/// </summary>
internal static class DriftKind
{
    /// <summary>Telnyx's spec has the operation, property, parameter or header; spec/ does not.</summary>
    public const string Missing = "missing";

    /// <summary>spec/ has it; Telnyx's spec does not.</summary>
    public const string Extra = "extra";

    /// <summary>Telnyx's spec documents a response status spec/ does not.</summary>
    public const string ResponseMissing = "response-missing";

    /// <summary>spec/ documents a response status Telnyx's spec does not.</summary>
    public const string ResponseExtra = "response-extra";

    /// <summary>One side restricts the value to an enum (or const), the other accepts any value of the type.</summary>
    public const string Enum = "enum";

    /// <summary>Telnyx's spec allows an enum value spec/ does not.</summary>
    public const string EnumMissing = "enum-missing";

    /// <summary>spec/ allows an enum value Telnyx's spec does not.</summary>
    public const string EnumExtra = "enum-extra";

    public const string Type = "type";
    public const string Nullable = "nullable";
    public const string Format = "format";
    public const string Default = "default";
    public const string Required = "required";
    public const string Minimum = "minimum";
    public const string Maximum = "maximum";
    public const string ExclusiveMinimum = "exclusive-minimum";
    public const string ExclusiveMaximum = "exclusive-maximum";
    public const string MultipleOf = "multiple-of";
    public const string MinLength = "min-length";
    public const string MaxLength = "max-length";
    public const string Pattern = "pattern";
    public const string MinItems = "min-items";
    public const string MaxItems = "max-items";
    public const string UniqueItems = "unique-items";
    public const string AdditionalProperties = "additional-properties";
    public const string OneOf = "one-of";
    public const string AnyOf = "any-of";
    public const string Deprecated = "deprecated";
    public const string MediaTypes = "media-types";
    public const string Security = "security";
    public const string Servers = "servers";

    public static readonly IReadOnlySet<string> All = typeof(DriftKind).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
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
