namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>spec/DEVIATIONS.md's table is read as Markdown renders it, whatever the spacing or formatting.</summary>
public sealed class DeviationTests
{
    private static List<Deviation> Read(string markdown)
    {
        var path = Path.Combine(Path.GetTempPath(), $"deviations-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, markdown);
        try
        {
            return DeviationsFile.Drift(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void The_repository_table_lists_every_row_with_its_reason()
    {
        var deviations = DeviationsFile.Drift(Repo.Path("spec", "DEVIATIONS.md"));

        Assert.That(deviations, Has.Count.EqualTo(7));
        Assert.That(deviations, Has.All.Matches<Deviation>(d => d!.Reason.Length > 20));
        Assert.That(deviations.Select(d => d.Kind), Has.All.AnyOf("enum", "format", "extra", "missing", "pattern"));
    }

    [Test]
    public void Only_the_location_kind_reason_table_is_read_and_markdown_in_a_reason_is_text()
    {
        var deviations = Read("""
            | official | curated |
            |---|---|
            | `SendDTMF` | `SendDtmf` |

            | location  |  kind | reason |
            |:--|--|--|
            |`webhook * meta`|   `extra`   | Real deliveries carry **meta**; a pipe \| stays in the reason. |
            """);

        Assert.That(deviations, Is.EqualTo(new[] { new Deviation("webhook * meta", "extra", "Real deliveries carry meta; a pipe | stays in the reason.") }));
        Assert.That(deviations[0].Matches(new DriftFinding("webhook callReferStarted", "meta", "extra", "")), Is.True);
        Assert.That(deviations[0].Matches(new DriftFinding("webhook callReferStarted", "data.meta", "extra", "")), Is.False);
    }

    [TestCase("| `webhook * meta` | `sideways` | why |", "unknown drift kind 'sideways'")]
    [TestCase("| webhook * meta | `extra` | why |", "| `location pattern` | `kind` | reason |")]
    public void A_malformed_row_is_bad_input(string row, string message)
    {
        var error = Assert.Throws<SpecInputException>(() => Read($"| location | kind | reason |\n|---|---|---|\n{row}\n"));

        Assert.That(error!.Message, Does.Contain(message).And.Contain(":3:"));
    }
}
