using System.Text.Json;
using System.Text.Json.Nodes;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Testing;

// What tests make go wrong: failed outcomes of commands, and failed requests.
public sealed partial class TelnyxEmulator
{
    private readonly HashSet<string> _rejectedSipAddresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _failingEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _payloadOverrides = new(StringComparer.Ordinal);
    private readonly Queue<EmulatorFault> _faults = new();

    /// <summary>Makes a refer to <paramref name="sipAddress"/> fail: <c>call.refer.started</c>, then <c>call.refer.failed</c> with sip_notify_response 603.</summary>
    /// <param name="sipAddress">The SIP URI to reject (compared ignoring case).</param>
    public void RejectSipAddress(string sipAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sipAddress);
        lock (_gate)
        {
            _rejectedSipAddresses.Add(sipAddress);
        }
    }

    /// <summary>Makes every later siprec_start produce <c>siprec.failed</c> with this <c>failure_cause</c>; null restores <c>siprec.started</c>.</summary>
    /// <param name="failureCause">A Q850 cause such as <c>no_answer</c>, or null.</param>
    public void FailSiprecWith(string? failureCause)
    {
        const string SiprecFailed = CallSiprecFailedEvent.EventTypeName;
        lock (_gate)
        {
            if (string.IsNullOrWhiteSpace(failureCause))
            {
                _failingEvents.Remove(SiprecFailed);
                _payloadOverrides.Remove(SiprecFailed);
            }
            else
            {
                _failingEvents.Add(SiprecFailed);
                _payloadOverrides[SiprecFailed] = new JsonObject { ["failure_cause"] = failureCause };
            }
        }
    }

    /// <summary>
    /// Makes every later command whose operation has <paramref name="failureEventType"/> as its failure outcome in the
    /// spec (<see cref="TelnyxWebhookRole.Failure"/>) fail the way Telnyx reports it: its progress events, then that
    /// event in place of its success events, with its example's fields.
    /// </summary>
    /// <param name="failureEventType">The failure event of some operation of the spec, such as <c>siprec.failed</c>.</param>
    /// <param name="fail">False restores success.</param>
    /// <exception cref="ArgumentException">No operation of the spec has that failure event.</exception>
    public void FailWith(string failureEventType, bool fail = true)
    {
        var listed = _spec.Operations.Values.SelectMany(o => o.Webhooks).Where(w => w.Role == TelnyxWebhookRole.Failure).Select(w => w.EventType).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!listed.Contains(failureEventType ?? string.Empty, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"No operation of the spec delivers '{failureEventType}' on failure; the failure events it lists are: {(listed.Count == 0 ? "none" : string.Join(", ", listed))}.",
                nameof(failureEventType));
        }

        lock (_gate)
        {
            _ = fail ? _failingEvents.Add(failureEventType!) : _failingEvents.Remove(failureEventType!);
        }
    }

    /// <summary>Makes the next <paramref name="count"/> requests to the call action paths fail with <paramref name="fault"/>; faults queue up in call order.</summary>
    /// <param name="count">How many requests; 1 or more.</param>
    /// <param name="fault">What happens to each, from <see cref="EmulatorFault.Status"/>, <see cref="EmulatorFault.Delayed"/> or <see cref="EmulatorFault.Drop"/>.</param>
    public void FailNext(int count, EmulatorFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    // Told to fail: its operation's failure event is one tests chose (FailWith, FailSiprecWith), or it names a rejected SIP address.
    private bool IsFailing(EmulatedOperation operation, JsonElement body) =>
        operation.Webhooks.Any(w => w.Role == TelnyxWebhookRole.Failure && _failingEvents.Contains(w.EventType)) || (String(body, "sip_address") is { } sipAddress && _rejectedSipAddresses.Contains(sipAddress));
}
