using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Tests.Resilience;

public class LoggingTests
{
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(45);

    [Test]
    public async Task One_structured_line_per_attempt_with_method_path_template_status_elapsed_attempt_and_command_id()
    {
        using var telnyx = new ScriptedTelnyx("503, reset, 200");
        var log = new LogCapture();
        using var client = telnyx.Client(new TestClock(RealTimeout), o => { o.Timeout = RealTimeout; o.Logger = log; });

        await Actions.Call(client, "send_dtmf", callControlId: "v3:the-call");

        var lines = log.Lines.ToList();
        var commandId = JObject.Parse(telnyx.Sent.First())["command_id"]!.Value<string>();
        Assert.That(lines, Has.Count.EqualTo(3));
        Assert.That(lines.Select(l => l.Values["Attempt"]), Is.EqualTo(new object[] { 1, 2, 3 }));
        Assert.That(lines.Select(l => l.Values["Status"]), Is.EqualTo(new object[] { "503", "HttpRequestException", "200" }));
        Assert.That(lines.Select(l => l.Values["Method"]), Has.All.EqualTo("POST"));
        Assert.That(lines.Select(l => l.Values["Path"]), Has.All.EqualTo("calls/{call_control_id}/actions/send_dtmf"));
        Assert.That(lines.Select(l => l.Values["CommandId"]), Has.All.EqualTo(commandId));
        Assert.That(lines.Select(l => l.Values["ElapsedMs"]), Has.All.InstanceOf<double>());
        Assert.That(log.AllText(), Has.None.Contains("the-call"), "the call control id is a bearer token for the call");
    }

    [Test]
    public async Task A_timed_out_attempt_is_logged_as_a_timeout()
    {
        using var telnyx = new ScriptedTelnyx("hang, 200");
        var log = new LogCapture();
        var limit = TimeSpan.FromSeconds(1); // also the 200's limit: room for a loaded machine
        using var client = telnyx.Client(new TestClock(limit), o => { o.Timeout = limit; o.Logger = log; });

        await Actions.Call(client, "refer");

        Assert.That(log.Lines.Select(l => l.Values["Status"]), Is.EqualTo(new object[] { "timeout", "200" }));
    }

    [Test]
    public async Task No_logger_no_problem()
    {
        using var telnyx = new ScriptedTelnyx("500, 200");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => o.Timeout = RealTimeout);

        Assert.That((await Actions.Call(client, "refer")).Data?.Result, Is.EqualTo("ok"));
    }
}
