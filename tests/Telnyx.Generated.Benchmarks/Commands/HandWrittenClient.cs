using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace Telnyx.Generated.Benchmarks.Commands;

/// <summary>
/// The baseline: what a careful developer writes by hand with HttpClient and Newtonsoft. Same URL, same headers
/// (Authorization, Accept, User-Agent, Content-Type), same body including a fresh command_id where Telnyx
/// de-duplicates on it; no retries, no timeout, no typed errors.
/// </summary>
public sealed class HandWrittenClient(HttpClient http, Uri baseUrl, string apiKey)
{
    private static readonly JsonSerializerSettings WriteSettings = new() { NullValueHandling = NullValueHandling.Ignore };
    private static readonly JsonSerializer Reader = JsonSerializer.Create();
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly ProductInfoHeaderValue UserAgent = ProductInfoHeaderValue.Parse("Telnyx.Generated/0.1.0");

    private readonly AuthenticationHeaderValue _authorization = new("Bearer", apiKey);

    public async Task<CallControlCommandResponse> SendAsync(SampleRequests samples, string action, CancellationToken cancellationToken = default)
    {
        var operation = SampleRequests.Operation.Named(action);
        var body = samples.Request(action);
        operation.CommandIdProperty?.SetValue(body, operation.TakesCommandId ? Guid.NewGuid().ToString() : null);
        var url = baseUrl.AbsoluteUri + operation.PathTemplate.Replace("{call_control_id}", Uri.EscapeDataString(SampleRequests.CallControlId), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(operation.Method, url)
        {
            Content = new StringContent(JsonConvert.SerializeObject(body, WriteSettings), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(AcceptJson);
        request.Headers.UserAgent.Add(UserAgent);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new JsonTextReader(new StreamReader(stream));
        return Reader.Deserialize<CallControlCommandResponse>(reader)!;
    }
}
