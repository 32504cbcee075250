using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing;

// The HTTP side: routing on the raw request target (so an escaped '/' in a call_control_id stays inside its
// segment), faults, auth, validation, call state and command_id de-duplication, in the order Telnyx applies them.
public sealed partial class TelnyxEmulator
{
    private const int MaxBodyBytes = 1024 * 1024;

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? target : target[..query]).Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();

        if (segments is ["v2", .. var path] && Route(path) is { } route)
        {
            await HandleActionAsync(context, route).ConfigureAwait(false);
        }
        else if (segments is ["emulator", "calls"] && HttpMethods.IsPost(context.Request.Method))
        {
            await HandleCreateCallAsync(context).ConfigureAwait(false);
        }
        else if (segments is ["emulator", "calls", var hangUpId, "hangup"] && HttpMethods.IsPost(context.Request.Method))
        {
            await HandleHangUpAsync(context, hangUpId).ConfigureAwait(false);
        }
        else
        {
            await TelnyxErrors.WriteAsync(context, 404, "10005", "Resource not found", "The requested resource or URL could not be found.").ConfigureAwait(false);
        }
    }

    // A path of a spec operation (whatever the method), or an action path the spec lacks: both are recorded commands.
    private ActionRoute? Route(string[] path)
    {
        var (operations, callControlId) = _spec.Route(path);
        return operations.Count > 0 ? new ActionRoute(operations, operations[0].Action, callControlId ?? string.Empty)
            : path is ["calls", var id, "actions", var action] ? new ActionRoute([], action, id)
            : null;
    }

    private async Task HandleActionAsync(HttpContext context, ActionRoute route)
    {
        var (operations, action, callControlId) = route;
        var receivedAt = _options.TimeProvider.GetUtcNow();
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        EmulatorFault? fault;
        lock (_gate)
        {
            _faults.TryDequeue(out fault);
        }

        switch (fault?.Kind)
        {
            case EmulatorFaultKind.Drop:
                Record(0);
                context.Abort();
                return;
            case EmulatorFaultKind.Status:
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                Record(fault.StatusCode);
                await TelnyxErrors.WriteAsync(context, fault.StatusCode, FaultCode(fault.StatusCode), "Injected failure", $"The emulator was told to fail this request with {fault.StatusCode}.").ConfigureAwait(false);
                return;
            case EmulatorFaultKind.Delay:
                try
                {
                    await Task.Delay(fault.Delay, _options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Record(0); // the client gave up; like a real timeout, the command is not run
                    return;
                }

                break;
        }

        (var status, callControlId, var answer) = await ProcessActionAsync(context, operations, action, callControlId, body).ConfigureAwait(false);

        // Recorded before it is answered: a test reading Commands once its command returned finds it there.
        Record(status);
        await TelnyxErrors.WriteJsonAsync(context, status, answer).ConfigureAwait(false);

        void Record(int statusCode)
        {
            lock (_gate)
            {
                _commands.Add(new RecordedCommand(action, context.Request.Method, callControlId, body, statusCode, receivedAt));
                Forget(_commands);
            }
        }
    }

    // The status and body to answer, and the call the command was for (for POST /calls, the call it started).
    private async Task<(int Status, string CallControlId, JsonNode Answer)> ProcessActionAsync(HttpContext context, IReadOnlyList<EmulatedOperation> operations, string action, string callControlId, string body)
    {
        if (!IsAuthorized(context))
        {
            return (401, callControlId, Unauthorized);
        }

        if (operations.Count == 0)
        {
            return (404, callControlId, TelnyxErrors.Body("10005", "Resource not found", $"There is no call action '{action}'."));
        }

        if (operations.FirstOrDefault(o => string.Equals(o.Method, context.Request.Method, StringComparison.OrdinalIgnoreCase)) is not { } operation)
        {
            var methods = string.Join(", ", operations.Select(o => o.Method));
            context.Response.Headers.Allow = methods;
            return (405, callControlId, TelnyxErrors.Body("10006", "Method not allowed", $"The {action} action takes {methods}."));
        }

        JsonElement json;
        IReadOnlyList<EmulatorError> errors;
        try
        {
            var text = string.IsNullOrWhiteSpace(body) ? "{}" : body;
            using var document = JsonDocument.Parse(text);
            json = document.RootElement.Clone();
            errors = BodyValidator.Validate(operation.RequestBody, BodyValidator.Parse(text));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or Newtonsoft.Json.JsonException)
        {
            return (400, callControlId, TelnyxErrors.Body("10015", "Invalid request body", "The request body is not valid JSON."));
        }

        if (errors.Count > 0)
        {
            return (422, callControlId, TelnyxErrors.Body(errors));
        }

        var (error, response, delivered) = Execute(operation, ref callControlId, json);
        await delivered.ConfigureAwait(false); // at once, unless WebhookDelivery.BeforeResponse
        return error is not null ? (422, callControlId, TelnyxErrors.Body([error])) : (200, callControlId, response!);
    }

    private bool IsAuthorized(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(ApiKey));
    }

    private static JsonObject Unauthorized => TelnyxErrors.Body("10009", "Authentication failed", "The API key is missing or wrong. Send it as 'Authorization: Bearer YOUR_API_KEY'.");

    private static Task WriteUnauthorizedAsync(HttpContext context) => TelnyxErrors.WriteJsonAsync(context, 401, Unauthorized);

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        // Pooled: the emulator shares a process (and its garbage collector) with the client under test.
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    break; // more than any call action needs; validation reports what it can
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string FaultCode(int status) => status switch
    {
        429 => "10011",
        >= 500 => "10007",
        _ => "10015",
    };

    /// <summary>The operations a request path is for (one per method; none for an action the spec lacks), its action name and call.</summary>
    private sealed record ActionRoute(IReadOnlyList<EmulatedOperation> Operations, string Action, string CallControlId);
}
