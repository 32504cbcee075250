using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using RichardSzalay.MockHttp;

namespace Telnyx.Generated.Tests.Resilience;

/// <summary>
/// A MockHttp Telnyx that answers attempt n with step n of a script (the last step repeats), e.g.
/// <c>"503 retry-after=2, 200"</c>. Steps: a status with optional headers (<c>retry-after=</c>, <c>retry-after-date=+s</c>,
/// <c>retry-after-ms=</c>, <c>x-should-retry=</c>, <c>body=</c> name of a canned body), <c>refused</c> (nothing sent),
/// <c>reset</c> (sent, connection lost before the answer), <c>hang</c> (never answers), <c>held 200</c> (answers as
/// the rest of the step says once <see cref="Release"/> is called).
/// </summary>
internal sealed class ScriptedTelnyx : IDisposable
{
    public const string Ok = """{"data":{"result":"ok"}}""";

    public static readonly IReadOnlyDictionary<string, string> Bodies = new Dictionary<string, string>
    {
        ["telnyx"] = """{"errors":[{"code":"90018","title":"Call has already ended","detail":"This call is no longer active"}]}""",
        ["html"] = "<html><body>502 Bad Gateway</body></html>",
        ["empty"] = "",
        ["truncated"] = """{"errors":[{"code":"10""",
        ["not-a-list"] = """{"errors":"boom"}""",
        ["mixed"] = """{"errors":[1,null,"x",{"code":10004,"title":"Missing"},{"title":{"nested":true}}]}""",
        ["null"] = "null",
    };

    private static readonly HttpRequestOptionsKey<string[]> StepKey = new("step");
    private readonly string[] _steps;
    private int _attempts;

    public ScriptedTelnyx(string script)
    {
        _steps = script.Split(',', StringSplitOptions.TrimEntries);
        Mock.When("*").Respond(request => Respond(request.Options.TryGetValue(StepKey, out var step) ? step : throw new InvalidOperationException("no step")));
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Each attempt's body, in order.</summary>
    public ConcurrentQueue<string> Sent { get; } = new();

    /// <summary>Each attempt's request, in order (the message itself; its content was read into <see cref="Sent"/>).</summary>
    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets every <c>held</c> attempt answer.</summary>
    public void Release() => _release.TrySetResult();

    /// <summary>Completes when the first attempt reaches the server.</summary>
    public Task FirstRequest => _firstRequest.Task;

    /// <summary>The HttpClient the last <see cref="Client"/> was built on (it belongs to the test, not the TelnyxClient).</summary>
    public HttpClient? HttpClient { get; private set; }

    public TelnyxClient Client(TestClock clock, Action<TelnyxClientOptions>? configure = null, TimeSpan? httpClientTimeout = null)
    {
        // No resend on silence unless a test asks for it: the TestClock fires every timer but the timeout at once,
        // so a ResendAfter would race each scripted answer (ResendTests set it on purpose).
        var options = new TelnyxClientOptions { ApiKey = "KEY_test", TimeProvider = clock, ResendAfter = null };
        configure?.Invoke(options);
        // Network faults are raised in front of MockHttp: an exception from inside a MockHttp responder never reaches the caller.
        HttpClient = new HttpClient(new FaultHandler(this) { InnerHandler = Mock }, disposeHandler: false);
        if (httpClientTimeout is { } limit)
        {
            HttpClient.Timeout = limit;
        }

        return new TelnyxClient(HttpClient, options);
    }

    private async Task<HttpResponseMessage> Answer(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _attempts);
        Requests.Enqueue(request);
        _firstRequest.TrySetResult();
        Sent.Enqueue(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        var step = _steps[Math.Min(n, _steps.Length) - 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (step[0] == "held")
        {
            await _release.Task.WaitAsync(cancellationToken);
            step = step[1..];
        }

        switch (step[0])
        {
            case "refused":
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new System.Net.Sockets.SocketException(10061));
            case "reset":
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("reset"));
            case "hang":
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
        }

        request.Options.Set(StepKey, step);
        return await Next(request, cancellationToken);
    }

    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Next { get; set; } = null!;

    private static HttpResponseMessage Respond(string[] step)
    {
        var status = int.Parse(step[0], System.Globalization.CultureInfo.InvariantCulture);
        var body = status < 300 ? Ok : Bodies["telnyx"];
        var response = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var option in step.Skip(1))
        {
            var (name, value) = (option[..option.IndexOf('=')], option[(option.IndexOf('=') + 1)..]);
            switch (name)
            {
                case "body":
                    body = Bodies[value];
                    break;
                case "retry-after-date":
                    response.Headers.RetryAfter = new RetryConditionHeaderValue(TestClock.Now.AddSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                default:
                    response.Headers.TryAddWithoutValidation(name, value);
                    break;
            }
        }

        response.Content = new StringContent(body, System.Text.Encoding.UTF8, body.StartsWith('<') ? "text/html" : "application/json");
        return response;
    }

    public void Dispose() => Mock.Dispose();

    private sealed class FaultHandler : DelegatingHandler
    {
        private readonly ScriptedTelnyx _telnyx;

        public FaultHandler(ScriptedTelnyx telnyx)
        {
            _telnyx = telnyx;
            telnyx.Next = base.SendAsync;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _telnyx.Answer(request, cancellationToken);
    }
}
