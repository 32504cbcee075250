using Polly;
using Polly.Timeout;
using Telnyx.Generated.Http;

namespace Telnyx.Generated.Tests.Resilience;

/// <summary>Which failures may be repeated, per kind of action: the table docs/commands.md documents.</summary>
public class RetryRulesTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    private static IEnumerable<TestCaseData> Failures()
    {
        // (failure, retried for command_id / idempotent actions, retried for siprec_start / switch_supervisor_role)
        yield return new TestCaseData(new HttpRequestException(HttpRequestError.ConnectionError, "refused"), true, true).SetArgDisplayNames("connection refused");
        yield return new TestCaseData(new HttpRequestException(HttpRequestError.NameResolutionError, "dns"), true, true).SetArgDisplayNames("DNS failure");
        yield return new TestCaseData(new HttpRequestException(HttpRequestError.SecureConnectionError, "tls"), true, true).SetArgDisplayNames("TLS handshake failure");
        yield return new TestCaseData(new HttpRequestException(HttpRequestError.ResponseEnded, "reset"), true, false).SetArgDisplayNames("response ended");
        yield return new TestCaseData(new HttpRequestException(HttpRequestError.Unknown, "?"), true, false).SetArgDisplayNames("unknown send failure");
        yield return new TestCaseData(new HttpIOException(HttpRequestError.ResponseEnded, "cut off"), true, false).SetArgDisplayNames("body cut off");
        yield return new TestCaseData(new IOException("reset by peer"), true, false).SetArgDisplayNames("IOException");
        yield return new TestCaseData(new TimeoutRejectedException(), true, false).SetArgDisplayNames("per-attempt timeout");
        yield return new TestCaseData(new TaskCanceledException("HttpClient.Timeout", new TimeoutException()), true, false).SetArgDisplayNames("HttpClient timeout");
        yield return new TestCaseData(new InvalidOperationException("bug"), false, false).SetArgDisplayNames("programming error");
    }

    [TestCaseSource(nameof(Failures))]
    public void Exceptions(Exception failure, bool harmlessRepeat, bool notIdempotent)
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(failure);

        Assert.That(RetryRules.ShouldRetry(RepeatSafety.CommandId, outcome, Cap, TimeProvider.System, default), Is.EqualTo(harmlessRepeat));
        Assert.That(RetryRules.ShouldRetry(RepeatSafety.Idempotent, outcome, Cap, TimeProvider.System, default), Is.EqualTo(harmlessRepeat));
        Assert.That(RetryRules.ShouldRetry(RepeatSafety.NotIdempotent, outcome, Cap, TimeProvider.System, default), Is.EqualTo(notIdempotent));
    }

    [Test]
    public void Nothing_is_retried_once_the_caller_cancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(RetryRules.ShouldRetry(RepeatSafety.CommandId, Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError)), Cap, TimeProvider.System, cts.Token), Is.False);
        Assert.That(RetryRules.ShouldRetry(RepeatSafety.CommandId, Outcome.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable)), Cap, TimeProvider.System, cts.Token), Is.False);
    }

    [Test]
    public void A_request_the_generated_client_did_not_build_is_treated_as_not_idempotent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.telnyx.com/v2/calls/x/actions/refer");

        Assert.That(CallOperation.Of(request).Safety, Is.EqualTo(RepeatSafety.NotIdempotent));
    }
}
