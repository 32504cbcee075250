using System.Diagnostics;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// The webhook half of growing a copy of the repository to Telnyx's whole Call Control surface, as steps a proof
/// calls: import every webhook of the official spec that spec/ does not curate yet, then build the library.
/// </summary>
internal static class WholeSurfaceWebhooks
{
    /// <summary>What <see cref="ImportAll"/> did: the event types it imported and those already curated.</summary>
    public sealed record Imports(IReadOnlyList<string> Imported, IReadOnlyList<string> AlreadyCurated);

    /// <summary>
    /// <c>import-webhook</c> for each of Telnyx's webhooks in <paramref name="officialSpec"/>, in its order, skipping
    /// those spec/ already has; every import must exit 0 (imported, no drift).
    /// </summary>
    public static Imports ImportAll(string officialSpec, string specDir)
    {
        var curated = WebhookMap.Read(SpecDocument.Load(Path.Combine(specDir, SpecDirectory.WebhooksFile))).Select(w => w.EventType).ToHashSet();
        var imported = new List<string>();
        var skipped = new List<string>();
        foreach (var webhook in OfficialWebhook.All(SpecDocument.Load(officialSpec)))
        {
            var eventType = webhook.EventType ?? throw new AssertionException($"Telnyx's webhook {webhook.Key} declares no event_type");
            if (curated.Contains(eventType))
            {
                skipped.Add(eventType);
                continue;
            }

            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = ImportWebhookCommand.Run(officialSpec, eventType, specDir, output, error);
            if (exit != ExitCode.Ok)
            {
                throw new AssertionException($"import-webhook {eventType} exited {exit}: {output}{error}");
            }

            imported.Add(eventType);
        }

        return new Imports(imported, skipped);
    }

    /// <summary>Builds the copied library with every warning an error; returns how long the build took.</summary>
    public static TimeSpan BuildLibrary(TempRepository repo)
    {
        var watch = Stopwatch.StartNew();
        var build = TempRepository.Build(repo.LibraryProject, "q", "-warnaserror");
        watch.Stop();
        if (build.ExitCode != 0)
        {
            throw new AssertionException("the copy does not build with warnings as errors: " + build.Output);
        }

        return watch.Elapsed;
    }
}
