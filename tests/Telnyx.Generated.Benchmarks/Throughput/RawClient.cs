using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace Telnyx.Generated.Benchmarks.Throughput;

/// <summary>
/// The baseline: send_dtmf as a careful developer writes it by hand, with a fresh command_id, no retries, and
/// HttpClient's own timeout. It puts on the wire what TelnyxClient does (same headers, same Content-Type, same body
/// size; <c>--alloc-profile socket</c> prints both requests), so the two differ only in the client's own work.
/// </summary>
internal sealed class RawClient(Uri baseUrl, string apiKey) : IDisposable
{
    private static readonly JsonSerializerSettings WriteSettings = new() { NullValueHandling = NullValueHandling.Ignore };
    private static readonly JsonSerializer Reader = JsonSerializer.Create();
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly ProductInfoHeaderValue UserAgent = ProductInfoHeaderValue.Parse("Telnyx.Generated/" + typeof(TelnyxClient).Assembly.GetName().Version!.ToString(3));
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", apiKey);

    public async Task SendDtmfAsync(string callControlId, SendDtmfRequest request)
    {
        var body = new { digits = request.Digits, command_id = Guid.NewGuid().ToString() };
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl.AbsoluteUri}calls/{Uri.EscapeDataString(callControlId)}/actions/send_dtmf")
        {
            Content = new StringContent(JsonConvert.SerializeObject(body, WriteSettings), Encoding.UTF8, Json),
        };
        message.Headers.Authorization = _authorization;
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.UserAgent.Add(UserAgent);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var reader = new JsonTextReader(new StreamReader(stream));
        _ = Reader.Deserialize<CallControlCommandResponse>(reader);
    }

    public void Dispose() => _http.Dispose();
}
