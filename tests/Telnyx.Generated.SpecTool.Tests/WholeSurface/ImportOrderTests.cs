namespace Telnyx.Generated.SpecTool.Tests.WholeSurface;

/// <summary>
/// <c>import</c> and <c>import-webhook</c> leave the same spec whichever runs first, over Telnyx's whole Call Control
/// surface: an imported operation lists, with roles, the events already imported, and an imported event is added, with
/// its role, to every operation Telnyx says produces it. In process, on two copies of spec/; nothing is built.
/// </summary>
[Category("Slow")]
public sealed class ImportOrderTests
{
    [Test]
    public void Operations_then_webhooks_and_webhooks_then_operations_leave_the_same_spec()
    {
        using var operationsFirst = new SpecCopy();
        using var webhooksFirst = new SpecCopy();

        operationsFirst.ImportOperations();
        operationsFirst.ImportWebhooks();
        webhooksFirst.ImportWebhooks();
        webhooksFirst.ImportOperations();

        foreach (var file in new[] { SpecDirectory.ActionsFile, SpecDirectory.WebhooksFile })
        {
            Assert.That(operationsFirst.Text(file), Is.EqualTo(webhooksFirst.Text(file)), file);
        }

        Assert.That(DeviationsFile.Drift(operationsFirst.Deviations), Is.EquivalentTo(DeviationsFile.Drift(webhooksFirst.Deviations)));
        Assert.That(DeviationsFile.Lint(operationsFirst.Deviations), Is.EquivalentTo(DeviationsFile.Lint(webhooksFirst.Deviations)));

        // And what both say is what Telnyx's lists say, with every official event now curated.
        var spec = CuratedSpec.Load(operationsFirst.Folder);
        var official = SpecDocument.Load(Repo.OfficialCallControl).Document;
        Assert.That(spec.Operations, Has.Count.EqualTo(official.Paths!.Sum(p => p.Value.Operations!.Count)), "every operation Telnyx has");
        Assert.Multiple(() =>
        {
            foreach (var operation in spec.Operations)
            {
                var theirs = official.Paths![operation.Path].Operations!.Values.Single();
                var expected = ExpectedWebhooks.Roles(theirs.Description).Where(w => spec.Curates(w.EventType));
                if (operation.Path.EndsWith("/refer", StringComparison.Ordinal) || operation.Path.Contains("/siprec_", StringComparison.Ordinal))
                {
                    // The curated eight keep what a reviewer wrote (the same as Telnyx's list gives, today).
                    expected = operation.Webhooks;
                }

                Assert.That(operation.Webhooks, Is.EqualTo(expected), operation.Subject);
            }
        });
        Assert.That(spec.Operations.Single(o => o.OperationId == "Hangup").Webhooks,
            Is.EqualTo(new[] { new OperationWebhook("call.hangup", WebhookRole.Success), new OperationWebhook("call.recording.saved", WebhookRole.Later) }),
            "the natural order (import hangup, then import-webhook call.hangup) lists call.hangup");
        Assert.That(spec.Events.Where(e => e.EndsCall).Select(e => e.EventType), Is.EqualTo(new[] { "call.hangup" }));
    }

    private sealed class SpecCopy : IDisposable
    {
        public SpecCopy()
        {
            Folder = Directory.CreateTempSubdirectory("telnyx-import-order-").FullName;
            foreach (var file in Directory.GetFiles(Repo.Path("spec")))
            {
                File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
            }
        }

        public string Folder { get; }

        public string Deviations => Path.Combine(Folder, SpecDirectory.DeviationsFile);

        public string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));

        // An operation or event already curated answers 2 and writes nothing; anything else must import cleanly.
        public void ImportOperations()
        {
            foreach (var path in SpecDocument.Load(Repo.OfficialCallControl).Document.Paths!.Keys)
            {
                using var output = new StringWriter();
                var exit = ImportCommand.Run(Repo.OfficialCallControl, path, operationId: null, Folder, output, output);
                Assert.That(exit == ExitCode.Ok || output.ToString().Contains("already curated", StringComparison.Ordinal), Is.True, $"import {path}: {output}");
            }
        }

        public void ImportWebhooks()
        {
            foreach (var webhook in OfficialWebhook.All(SpecDocument.Load(Repo.OfficialCallControl)))
            {
                using var output = new StringWriter();
                var exit = ImportWebhookCommand.Run(Repo.OfficialCallControl, webhook.EventType!, Folder, output, output);
                Assert.That(exit == ExitCode.Ok || output.ToString().Contains("already curated", StringComparison.Ordinal), Is.True, $"import-webhook {webhook.EventType}: {output}");
            }
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
