namespace Telnyx.Generated.SpecTool;

/// <summary>How Telnyx treats a repeat of an operation: its <c>x-telnyx-idempotency</c>, which the client's retries follow.</summary>
internal enum RepeatRule
{
    /// <summary><c>command-id</c>: Telnyx drops a repeated <c>command_id</c>.</summary>
    CommandId,

    /// <summary><c>idempotent</c>: a repeat changes nothing (a PUT).</summary>
    Idempotent,

    /// <summary><c>none</c>: a repeat may act twice.</summary>
    None,
}

/// <summary>The YAML names of <see cref="RepeatRule"/>.</summary>
internal static class RepeatRules
{
    public const string Extension = "x-telnyx-idempotency";

    private static readonly (RepeatRule Rule, string Name)[] Names = [(RepeatRule.CommandId, "command-id"), (RepeatRule.Idempotent, "idempotent"), (RepeatRule.None, "none")];

    public static string Name(RepeatRule rule) => Names.Single(n => n.Rule == rule).Name;

    public static RepeatRule? Parse(string? name) => Names.Where(n => n.Name == name).Select(n => (RepeatRule?)n.Rule).FirstOrDefault();

    public static string AllNames => string.Join(", ", Names.Select(n => n.Name));
}
