namespace Telnyx.Generated.SpecTool.Tests.WholeSurface;

/// <summary>
/// How big Telnyx's Call Control surface is, counted from spec/upstream/telnyx-openapi-call-control.yaml (the copy of
/// Telnyx's spec drift compares against), so the proofs follow that file when it is refreshed instead of pinning numbers.
/// </summary>
internal static class TelnyxSurface
{
    public static string Official => Repo.Path("spec", "upstream", "telnyx-openapi-call-control.yaml");

    /// <summary>Every operation: each method of each path.</summary>
    public static int Operations { get; } = SpecDocument.Load(Official).Document.Paths!.Values.Sum(p => p.Operations?.Count ?? 0);

    /// <summary>Every entry of its <c>webhooks</c> section.</summary>
    public static int Webhooks { get; } = SpecDocument.Load(Official).Document.Webhooks?.Count ?? 0;
}
