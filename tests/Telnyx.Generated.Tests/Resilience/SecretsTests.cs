namespace Telnyx.Generated.Tests.Resilience;

/// <summary>Everything a failing call produces is captured and searched for the API key and the SIP auth password.</summary>
public class SecretsTests
{
    private const string ApiKey = "KEY0190SECRETapikey";
    private const string SipPassword = "sip-Pa55word-SECRET";
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(45);

    [TestCase("500, 500, 500")]
    [TestCase("401")]
    [TestCase("403 body=html")]
    [TestCase("429 retry-after=600")]
    [TestCase("422 body=mixed")]
    [TestCase("refused")]
    [TestCase("reset")]
    [TestCase("hang")]
    public async Task No_secret_in_messages_ToString_or_logs(string script)
    {
        using var telnyx = new ScriptedTelnyx(script);
        var log = new LogCapture();
        var limit = script == "hang" ? TimeSpan.FromMilliseconds(50) : RealTimeout;
        var options = new TelnyxClientOptions { ApiKey = ApiKey, Logger = log, TimeProvider = new TestClock(limit), Timeout = limit };
        using var client = telnyx.Client((TestClock)options.TimeProvider, o => { o.ApiKey = ApiKey; o.Logger = log; o.Timeout = limit; });
        var request = new ReferRequest { SipAddress = "sip:a@b.c", SipAuthUsername = "alice", SipAuthPassword = SipPassword };

        var ex = await Assert.CatchAsync<TelnyxException>(() => client.Calls.Actions.ReferAsync("v3:call", request));

        var produced = new List<string> { ex!.Message, ex.ToString(), options.ToString(), client.ToString()! };
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            produced.Add(e.Message);
            produced.AddRange(e.Data.Values.Cast<object?>().Select(v => v?.ToString() ?? ""));
        }

        if (ex is TelnyxApiException api)
        {
            produced.AddRange(api.Headers.SelectMany(h => h.Value.Prepend(h.Key)));
        }

        produced.AddRange(log.AllText());
        Assert.That(log.Lines, Is.Not.Empty, "the capture saw the attempts");
        Assert.That(produced, Has.None.Contains(ApiKey));
        Assert.That(produced, Has.None.Contains(SipPassword));
        // The secrets really were in play: sent on the wire, so the assertions above could have failed.
        Assert.That(telnyx.Requests.First().Headers.Authorization?.Parameter, Is.EqualTo(ApiKey));
        Assert.That(telnyx.Sent.First(), Does.Contain(SipPassword));
    }

    [Test]
    public void Options_ToString_redacts_the_key()
    {
        var options = new TelnyxClientOptions { ApiKey = ApiKey };

        Assert.That(options.ToString(), Does.Not.Contain(ApiKey).And.Contain("***"));
    }

    [Test]
    public void Options_ToString_redacts_credentials_in_the_base_url()
    {
        var options = new TelnyxClientOptions { ApiKey = ApiKey, BaseUrl = new Uri("https://proxyuser:" + SipPassword + "@proxy.example/v2/") };

        Assert.That(options.ToString(), Does.Not.Contain(SipPassword).And.Not.Contain("proxyuser").And.Contain("proxy.example/v2/"));
    }
}
