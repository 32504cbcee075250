using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Telnyx.Generated.Tests.Actions;

/// <summary>What the mock saw of one request (read inside the handler, before the client disposes it).</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, HttpRequestMessage Message, string? Body)
{
    public JObject Json => JObject.Parse(Body!);
}

/// <summary>A TelnyxClient on MockHttp that records every request and answers with a fixed response.</summary>
public sealed class RecordingTelnyx : IDisposable
{
    public const string ApiKey = "KEY0123456789secretTEST";

    private readonly MockHttpMessageHandler _mock = new();

    public RecordingTelnyx(HttpStatusCode status = HttpStatusCode.OK, string body = """{"data":{"result":"ok"}}""", string mediaType = "application/json", int maxRetries = 0, IDictionary<string, string>? headers = null)
    {
        _mock.When("*").Respond(async request =>
        {
            var text = request.Content is null ? null : await request.Content.ReadAsStringAsync();
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request, text));
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
        HttpClient = _mock.ToHttpClient();
        Options = new TelnyxClientOptions { ApiKey = ApiKey, MaxRetries = maxRetries };
        Client = new TelnyxClient(HttpClient, Options);
    }

    public List<RecordedRequest> Requests { get; } = [];

    public HttpClient HttpClient { get; }

    public TelnyxClientOptions Options { get; }

    public TelnyxClient Client { get; }

    public ICallActionsClient Actions => Client.Calls.Actions;

    public RecordedRequest Single
    {
        get
        {
            Assert.That(Requests, Has.Count.EqualTo(1), "exactly one HTTP request");
            return Requests[0];
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        HttpClient.Dispose();
        _mock.Dispose();
    }
}
