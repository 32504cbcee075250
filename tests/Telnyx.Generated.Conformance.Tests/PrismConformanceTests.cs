namespace Telnyx.Generated.Conformance.Tests;

/// <summary>
/// The client against Stoplight Prism, a validating mock server nobody on this project wrote: once serving our
/// curated spec, once Telnyx's own excerpt. Every request must pass Prism's validation, every generated response
/// must parse, and the spec's 422 example must surface as <see cref="TelnyxApiException"/> with its errors.
/// </summary>
[TestFixture("curated")]
[TestFixture("official")]
[NonParallelizable]
public sealed class PrismConformanceTests(string specName)
{
    private const string CallControlId = "v3:Prism-Call_Control.Id";

    private PrismServer? _prism;
    private PrismRecorder _recorder = null!;
    private HttpClient _http = null!;
    private TelnyxClient _client = null!;
    private ServedSpec _spec = null!;

    [OneTimeSetUp]
    public async Task StartPrism()
    {
        if (NodeTools.MissingReason is { } reason)
        {
            Assert.Ignore(reason); // .ci/run fails the build when these tests did not run
        }

        _spec = new ServedSpec(specName == "curated"
            ? Repo.Path("spec", "telnyx-call-control.yaml")
            : Repo.OfficialExcerpt);
        _prism = await PrismServer.StartAsync(_spec.FilePath);
        _recorder = new PrismRecorder();
        _http = new HttpClient(_recorder);
        _client = new TelnyxClient(_http, new TelnyxClientOptions { ApiKey = "KEY_prism_test", BaseUrl = _prism.BaseUrl, MaxRetries = 0 });
    }

    [OneTimeTearDown]
    public async Task StopPrism()
    {
        _client?.Dispose();
        _http?.Dispose();
        if (_prism is not null)
        {
            await _prism.DisposeAsync();
        }
    }

    [SetUp]
    public void Reset()
    {
        _recorder.Exchanges.Clear();
        _recorder.PreferStatus = null;
    }

    [TestCaseSource(typeof(CallActionCase), nameof(CallActionCase.Minimal))]
    public async Task Minimal_request_passes_validation_and_the_response_parses(CallActionCase action)
    {
        var response = await action.Send(_client.Calls.Actions, CallControlId);

        var exchange = SingleExchange(action);
        Assert.That(exchange.Violations, Is.Null, $"Prism found violations in {exchange.RequestBody}");
        Assert.That(exchange.Status, Is.EqualTo(200), exchange.ResponseBody);
        Assert.That(response.Data?.Result, Is.EqualTo("ok"), exchange.ResponseBody);
        Assert.That(ServedSpec.JsonPropertyPaths(exchange.RequestBody), Is.SubsetOf(_spec.RequestPropertyPaths(action.PathSuffix)), "only fields the spec knows");
    }

    [TestCaseSource(typeof(CallActionCase), nameof(CallActionCase.Full))]
    public async Task Request_with_every_optional_field_passes_validation_and_the_response_parses(CallActionCase action)
    {
        var response = await action.Send(_client.Calls.Actions, CallControlId);

        var exchange = SingleExchange(action);
        Assert.That(exchange.Violations, Is.Null, $"Prism found violations in {exchange.RequestBody}");
        Assert.That(exchange.Status, Is.EqualTo(200), exchange.ResponseBody);
        Assert.That(response.Data?.Result, Is.EqualTo("ok"), exchange.ResponseBody);
        Assert.That(ServedSpec.JsonPropertyPaths(exchange.RequestBody), Is.EqualTo(_spec.RequestPropertyPaths(action.PathSuffix)), "every field of the spec, nested ones included");
    }

    [TestCaseSource(typeof(CallActionCase), nameof(CallActionCase.Minimal))]
    public async Task The_specs_422_example_surfaces_as_TelnyxApiException_with_its_errors(CallActionCase action)
    {
        _recorder.PreferStatus = 422;

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => action.Send(_client.Calls.Actions, CallControlId));

        var exchange = SingleExchange(action);
        Assert.That(exchange.Violations, Is.Null, $"Prism found violations in {exchange.RequestBody}");
        var expected = _spec.FirstErrorExample(action.PathSuffix);
        Assert.That(ex!.StatusCode, Is.EqualTo(422));
        Assert.That(ex.Errors.Select(e => (e.Code, e.Title, e.Detail, e.Source?.Pointer)), Is.EqualTo(expected.Select(e => (
            (string?)e["code"],
            (string?)e["title"],
            e.GetValueOrDefault("detail") as string,
            (e.GetValueOrDefault("source") as Dictionary<object, object?>)?.GetValueOrDefault("pointer") as string))));
    }

    [Test]
    public async Task Prism_reports_a_request_the_spec_forbids()
    {
        // Shows the assertions above can fail: a refer without its required sip_address is a violation.
        using var content = new StringContent("""{"sip_auth_username":"agent"}""", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_prism!.BaseUrl, "calls/abc/actions/refer")) { Content = content };
        request.Headers.Authorization = new("Bearer", "KEY_prism_test");

        using var response = await _http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(_recorder.Exchanges.Single().Violations, Does.Contain("sip_address"));
    }

    private PrismExchange SingleExchange(CallActionCase action)
    {
        var exchange = _recorder.Exchanges.Single();
        Assert.That(exchange.Method, Is.EqualTo(_spec.Method(action.PathSuffix)));
        Assert.That(exchange.Path, Does.EndWith($"/actions/{action.PathSuffix}"));
        return exchange;
    }
}
