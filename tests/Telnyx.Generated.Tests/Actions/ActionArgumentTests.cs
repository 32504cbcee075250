namespace Telnyx.Generated.Tests.Actions;

/// <summary>Caller mistakes are ArgumentExceptions thrown before any HTTP; ids are escaped into exactly one path segment.</summary>
public class ActionArgumentTests
{
    public static IEnumerable<TestCaseData> BadIds() =>
        CallAction.All.SelectMany(a => new[] { null, "", " ", "\t\n", ".", ".." }.Select(id =>
            new TestCaseData(a, id).SetArgDisplayNames(a.Path, id is null ? "null" : $"\"{id.Replace("\t", "\\t").Replace("\n", "\\n")}\"")));

    // "." and ".." would be removed by URI normalisation (calls/../actions/refer is /v2/actions/refer).
    [TestCaseSource(nameof(BadIds))]
    public async Task Blank_or_dot_segment_call_control_id_throws_ArgumentException_before_any_request(CallAction action, string? id)
    {
        using var telnyx = new RecordingTelnyx();

        var ex = await ActionErrorTests.CatchAsync(() => action.InvokeAsync(telnyx.Actions, id!, action.Full()));

        Assert.That(ex, Is.InstanceOf<ArgumentException>());
        Assert.That(((ArgumentException)ex!).ParamName, Is.EqualTo("callControlId"));
        Assert.That(telnyx.Requests, Is.Empty, "no HTTP");
    }

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public async Task Null_request_throws_ArgumentException_before_any_request(CallAction action)
    {
        using var telnyx = new RecordingTelnyx();

        var ex = await ActionErrorTests.CatchAsync(() => action.InvokeAsync(telnyx.Actions, "v3:id", null));

        Assert.That(ex, Is.InstanceOf<ArgumentException>());
        Assert.That(((ArgumentException)ex!).ParamName, Is.EqualTo("request"));
        Assert.That(telnyx.Requests, Is.Empty, "no HTTP");
    }

    // Expected escapes written out by hand, so the test does not share the implementation's EscapeDataString.
    public static IEnumerable<TestCaseData> Ids()
    {
        var ids = new (string Id, string Escaped)[]
        {
            ("v3:abc", "v3%3Aabc"),
            ("a/b", "a%2Fb"),
            ("a?b", "a%3Fb"),
            ("a#b", "a%23b"),
            ("50%", "50%25"),
            ("a%2Fb", "a%252Fb"),
            ("a b", "a%20b"),
            ("...", "..."),
            ("./x", ".%2Fx"),
            ("v3:x/y?z#w%20 v", "v3%3Ax%2Fy%3Fz%23w%2520%20v"),
        };
        return CallAction.All.SelectMany(a => ids.Select(i => new TestCaseData(a, i.Id, i.Escaped).SetArgDisplayNames(a.Path, $"\"{i.Id}\"")));
    }

    [TestCaseSource(nameof(Ids))]
    public async Task Call_control_id_reaches_exactly_one_path_segment(CallAction action, string id, string escaped)
    {
        using var telnyx = new RecordingTelnyx();

        await action.InvokeAsync(telnyx.Actions, id, action.Full());

        var uri = telnyx.Single.Uri;
        Assert.That(uri.AbsoluteUri, Is.EqualTo($"https://api.telnyx.com/v2/calls/{escaped}/actions/{action.Path}"));

        Assert.That(uri.Query, Is.Empty);
        Assert.That(uri.Fragment, Is.Empty);
        var segments = uri.AbsolutePath.Split('/');
        Assert.That(segments, Has.Length.EqualTo(6), uri.AbsolutePath);
        Assert.That(segments[..3], Is.EqualTo(new[] { "", "v2", "calls" }), "the id did not climb out of its segment");
        Assert.That(Uri.UnescapeDataString(segments[3]), Is.EqualTo(id));
        Assert.That(segments[4..], Is.EqualTo(new[] { "actions", action.Path }));
    }
}
