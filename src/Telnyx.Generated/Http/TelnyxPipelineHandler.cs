using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Telnyx.Generated.Http;

/// <summary>
/// The one layer every Telnyx request passes through, whichever constructor built the client: it authenticates,
/// gives de-duplicated commands a command_id, retries on Polly with backoff, bounds each attempt, logs each attempt
/// and turns every failure into a <see cref="TelnyxException"/>. Nothing else in the library retries.
/// </summary>
internal sealed class TelnyxPipelineHandler : DelegatingHandler
{
    private const int MaxErrorBodyChars = 64 * 1024;

    // Telnyx's call-control answers are a few hundred bytes; this only stops a broken proxy from filling memory.
    private const long MaxBufferedBodyBytes = 4 * 1024 * 1024;
    private static readonly ResiliencePropertyKey<CallState> StateKey = new("Telnyx.CallState");

    private readonly TelnyxClientSettings _settings;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ProductInfoHeaderValue[] _userAgent;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public TelnyxPipelineHandler(TelnyxClientSettings settings, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _settings = settings;
        _authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        _userAgent = [ProductInfoHeaderValue.Parse(TelnyxClientSettings.UserAgent)];
        _pipeline = BuildPipeline(settings);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = CallState.Create(this, request, cancellationToken);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, s) => new ValueTask<Outcome<HttpResponseMessage>>(s.Handler.SendAttemptAsync(s, ctx.CancellationToken)),
                context,
                state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is { } exception)
        {
            throw MapException(exception, state, cancellationToken);
        }

        var response = outcome.Result!;
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await CreateApiExceptionAsync(response, state, _settings.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(TelnyxClientSettings settings)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = settings.TimeProvider };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(0.5),
                MaxDelay = TimeSpan.FromSeconds(8),
                ShouldHandle = args => new ValueTask<bool>(
                    RetryRules.ShouldRetry(args.Context.Properties.GetValue(StateKey, null!).Safety, args.Outcome, settings.MaxRetryDelay, settings.TimeProvider, args.Context.CancellationToken)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } r ? RetryRules.ServerDelay(r, settings.TimeProvider) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        if (settings.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(settings.Timeout);
        }

        return builder.Build();
    }

    private async Task<Outcome<HttpResponseMessage>> SendAttemptAsync(CallState state, CancellationToken cancellationToken)
    {
        var attempt = ++state.Attempts;
        var started = _settings.TimeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(state.CreateAttemptRequest(_authorization, _userAgent), cancellationToken).ConfigureAwait(false);
            try
            {
                // Inside the attempt, so the per-attempt timeout covers a body that stalls and a reset mid-body is
                // an attempt failure (retried where safe), not a raw IOException in the generated code.
                await response.Content.LoadIntoBufferAsync(MaxBufferedBodyBytes, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            TelnyxLog.Attempt(_settings.Logger, state, attempt, response.StatusCode, _settings.TimeProvider.GetElapsedTime(started));
            return Outcome.FromResult(response);
        }
        catch (Exception exception)
        {
            // A cancellation the caller did not ask for is this attempt's timeout: say so rather than "TaskCanceledException".
            var status = exception is OperationCanceledException ? (state.CallerToken.IsCancellationRequested ? "cancelled" : "timeout") : exception.GetType().Name;
            TelnyxLog.Attempt(_settings.Logger, state, attempt, status, _settings.TimeProvider.GetElapsedTime(started));
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private Exception MapException(Exception exception, CallState state, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The Telnyx call was cancelled by the caller.", exception, cancellationToken);
        }

        switch (exception)
        {
            // The caller's token is not cancelled, so any other cancellation is a timeout: Polly's per-attempt one, or
            // HttpClient.Timeout of a client the caller supplied. Never a bare TaskCanceledException.
            case TimeoutRejectedException:
            case OperationCanceledException:
                return new TelnyxTimeoutException(
                    $"Telnyx did not answer {state.Description} within {FormatTimeout(_settings.Timeout)} (after {Plural(state.Attempts, "attempt")}).",
                    state.Attempts,
                    _settings.Timeout,
                    exception);
            case HttpRequestException or IOException:
                return new TelnyxConnectionException(
                    $"Could not get a response from Telnyx at {_settings.BaseUrl.Host} for {state.Description} after {Plural(state.Attempts, "attempt")}: {exception.Message}",
                    state.Attempts,
                    exception);
            default:
                ExceptionDispatchInfo.Capture(exception).Throw();
                return exception; // unreachable
        }
    }

    private static string FormatTimeout(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? "the HttpClient's own timeout" : $"{timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s";

    private static async Task<TelnyxApiException> CreateApiExceptionAsync(HttpResponseMessage response, CallState state, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = header.Value;
        }

        var errors = TelnyxErrorParser.Parse(body);
        var status = (int)response.StatusCode;
        var message = $"Telnyx answered {status} ({response.ReasonPhrase ?? ((HttpStatusCode)status).ToString()}) to {state.Description} after {Plural(state.Attempts, "attempt")}"
            + (errors.Count == 0 ? "." : ": " + string.Join("; ", errors.Select(Describe)));
        var retryAfter = RetryRules.ServerDelay(response, clock);
        return status switch
        {
            401 or 403 => new TelnyxAuthenticationException(message + " Check the API key.", status, body, headers, errors, state.Attempts),
            429 => new TelnyxRateLimitException(message, body, headers, errors, state.Attempts, retryAfter),
            _ => new TelnyxApiException(message, status, body, headers, errors, state.Attempts, retryAfter),
        };

        static string Describe(TelnyxError e) =>
            string.IsNullOrEmpty(e.Detail) ? $"{e.Code} {e.Title}".Trim() : $"{e.Code} {e.Title}: {e.Detail}".Trim();
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length <= MaxErrorBodyChars ? text : text[..MaxErrorBodyChars];
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            // The status is the news; a body that cannot be read (reset mid-body, bad charset) must not hide it.
            return string.Empty;
        }
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>What one logical call needs across its attempts: the body is read and (if needed) given its command_id once.</summary>
    internal sealed class CallState
    {
        private CallState(TelnyxPipelineHandler handler, HttpRequestMessage template, string action, RepeatSafety safety, byte[]? body, string? commandId, CancellationToken callerToken)
        {
            CallerToken = callerToken;
            Handler = handler;
            Template = template;
            Action = action;
            Safety = safety;
            Body = body;
            CommandId = commandId;
        }

        public TelnyxPipelineHandler Handler { get; }

        public HttpRequestMessage Template { get; }

        public string Action { get; }

        public RepeatSafety Safety { get; }

        public byte[]? Body { get; }

        public string? CommandId { get; }

        public int Attempts { get; set; }

        /// <summary>The token the call was made with (not the per-attempt one, which the timeout also cancels).</summary>
        public CancellationToken CallerToken { get; }

        public string Method => Template.Method.Method;

        public string PathTemplate => CallCommand.PathTemplate(Action);

        public string Description => $"{Method} {PathTemplate}";

        /// <summary>
        /// Reads the body synchronously: the generated client always builds it in memory (StringContent is a
        /// ByteArrayContent), so an async read would only add a state machine and a buffer copy to every call.
        /// </summary>
        public static CallState Create(TelnyxPipelineHandler handler, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            switch (request.Content)
            {
                case null:
                    return Create(handler, request, null, cancellationToken);
                case ByteArrayContent buffered:
                    using (var stream = buffered.ReadAsStream(cancellationToken))
                    {
                        var body = new byte[stream.Length];
                        stream.ReadExactly(body);
                        return Create(handler, request, body, cancellationToken);
                    }

                default:
                    // Only reachable if a spec change makes NSwag emit another content type (multipart, stream).
                    throw new InvalidOperationException($"The Telnyx pipeline sends in-memory request bodies only, not {request.Content.GetType().Name}.");
            }
        }

        private static CallState Create(TelnyxPipelineHandler handler, HttpRequestMessage request, byte[]? body, CancellationToken cancellationToken)
        {
            var (action, safety) = CallCommand.Classify(request.RequestUri);
            string? commandId = null;
            if (body is not null && safety == RepeatSafety.CommandId)
            {
                (body, commandId) = CommandIdBody.Ensure(body);
            }

            return new CallState(handler, request, action, safety, body, commandId, cancellationToken);
        }

        /// <summary>A fresh message per attempt: a sent HttpRequestMessage cannot be sent again through HttpClient.</summary>
        public HttpRequestMessage CreateAttemptRequest(AuthenticationHeaderValue authorization, ProductInfoHeaderValue[] userAgent)
        {
            var message = new HttpRequestMessage(Template.Method, Template.RequestUri)
            {
                Version = Template.Version,
                VersionPolicy = Template.VersionPolicy,
            };
            // The generated client sets Accept only; copy it typed (a generic header walk allocates per header and
            // value), and anything else a template change might add, generically.
            foreach (var accept in Template.Headers.Accept)
            {
                message.Headers.Accept.Add(accept);
            }

            if (Template.Headers.NonValidated.Count > 1)
            {
                foreach (var header in Template.Headers)
                {
                    if (!header.Key.Equals("Accept", StringComparison.OrdinalIgnoreCase))
                    {
                        message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }
            }

            // Handlers of a supplied HttpClient (IHttpClientFactory) may read options set on the original message.
            if (Template.Options is IDictionary<string, object?> { Count: > 0 } options)
            {
                foreach (var option in options)
                {
                    ((IDictionary<string, object?>)message.Options)[option.Key] = option.Value;
                }
            }

            message.Headers.Authorization = authorization;
            message.Headers.UserAgent.Clear();
            foreach (var product in userAgent)
            {
                message.Headers.UserAgent.Add(product);
            }

            if (Body is not null)
            {
                var content = new ByteArrayContent(Body);
                var template = Template.Content!.Headers;
                content.Headers.ContentType = template.ContentType;
                if (template.NonValidated.Count > 1)
                {
                    foreach (var header in template)
                    {
                        if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                        {
                            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                        }
                    }
                }

                message.Content = content;
            }

            return message;
        }
    }
}
