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
    private readonly string _callsUrl = baseUrl.AbsoluteUri + "calls/";

    public Task<CallControlCommandResponse> SendAsync(SampleRequests samples, CallAction action, CancellationToken cancellationToken = default)
    {
        switch (action)
        {
            case CallAction.UpdateClientState:
                return SendAsync(HttpMethod.Put, "client_state_update", samples.UpdateClientState, cancellationToken);
            case CallAction.Refer:
                samples.Refer.CommandId = Guid.NewGuid().ToString();
                return SendAsync(HttpMethod.Post, "refer", samples.Refer, cancellationToken);
            case CallAction.SendDtmf:
                samples.SendDtmf.CommandId = Guid.NewGuid().ToString();
                return SendAsync(HttpMethod.Post, "send_dtmf", samples.SendDtmf, cancellationToken);
            case CallAction.StartSiprec:
                return SendAsync(HttpMethod.Post, "siprec_start", samples.StartSiprec, cancellationToken);
            case CallAction.StopSiprec:
                samples.StopSiprec.CommandId = Guid.NewGuid().ToString();
                return SendAsync(HttpMethod.Post, "siprec_stop", samples.StopSiprec, cancellationToken);
            case CallAction.StartNoiseSuppression:
                samples.StartNoiseSuppression.CommandId = Guid.NewGuid().ToString();
                return SendAsync(HttpMethod.Post, "suppression_start", samples.StartNoiseSuppression, cancellationToken);
            case CallAction.StopNoiseSuppression:
                samples.StopNoiseSuppression.CommandId = Guid.NewGuid().ToString();
                return SendAsync(HttpMethod.Post, "suppression_stop", samples.StopNoiseSuppression, cancellationToken);
            case CallAction.SwitchSupervisorRole:
                return SendAsync(HttpMethod.Post, "switch_supervisor_role", samples.SwitchSupervisorRole, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private async Task<CallControlCommandResponse> SendAsync(HttpMethod method, string action, object body, CancellationToken cancellationToken)
    {
        var url = _callsUrl + Uri.EscapeDataString(SampleRequests.CallControlId) + "/actions/" + action;
        using var request = new HttpRequestMessage(method, url)
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
