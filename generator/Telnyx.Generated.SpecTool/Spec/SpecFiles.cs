namespace Telnyx.Generated.SpecTool;

/// <summary>
/// The one way the imports change spec/: the new texts of some of its files are first read as the build and the tool
/// will read them (the model, both generated files, the deviations), then written all or none.
/// </summary>
internal static class SpecFiles
{
    private static readonly string[] Files = [SpecDirectory.ActionsFile, SpecDirectory.WebhooksFile, SpecDirectory.DeviationsFile];

    /// <summary>Writes the files whose text changed (name in spec/ -> new text), or none of them.</summary>
    public static void Write(string specDir, IReadOnlyDictionary<string, string> texts)
    {
        var changed = texts.Where(t => File.ReadAllText(Path.Combine(specDir, t.Key)) != t.Value).ToDictionary();
        Check(specDir, changed);

        // Each new text goes to a temporary file beside its target first, so a failure to write leaves spec/ as it was;
        // the moves that follow replace each file whole, and are undone should a later one fail.
        var staged = changed.ToDictionary(c => c.Key, c => Path.Combine(specDir, $".{c.Key}.{Guid.NewGuid():N}.tmp"));
        var before = changed.ToDictionary(c => c.Key, c => File.ReadAllText(Path.Combine(specDir, c.Key)));
        var moved = new List<string>();
        try
        {
            foreach (var (name, text) in changed)
            {
                File.WriteAllText(staged[name], text);
            }

            foreach (var name in changed.Keys)
            {
                File.Move(staged[name], Path.Combine(specDir, name), overwrite: true);
                moved.Add(name);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            moved.ForEach(name => File.WriteAllText(Path.Combine(specDir, name), before[name]));
            throw new SpecInputException($"cannot write spec/: {e.Message}; nothing was changed.", e);
        }
        finally
        {
            foreach (var temp in staged.Values.Where(File.Exists))
            {
                File.Delete(temp);
            }
        }
    }

    // A copy of spec/ with the new texts, read by the model, the code generators and the deviations reader.
    private static void Check(string specDir, IReadOnlyDictionary<string, string> changed)
    {
        var folder = Directory.CreateTempSubdirectory("telnyx-spec-check-").FullName;
        try
        {
            foreach (var name in Files)
            {
                File.WriteAllText(Path.Combine(folder, name), changed.TryGetValue(name, out var text) ? text : File.ReadAllText(Path.Combine(specDir, name)));
            }

            var curated = CuratedSpec.Load(folder);
            WebhookEventsCode.Generate(curated);
            OperationsCode.Generate(curated);
            DeviationsFile.Drift(Path.Combine(folder, SpecDirectory.DeviationsFile));
            DeviationsFile.Lint(Path.Combine(folder, SpecDirectory.DeviationsFile));
        }
        catch (SpecInputException e)
        {
            throw new SpecInputException($"the import would leave spec/ unusable, so nothing was written (please report it): {e.Message}", e);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
