using System.Text;
using StackExchange.Redis;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Redis;

// Announcing an outcome event: by AcceptAsync, or with a queued event by the queue's enqueue script.
internal sealed partial class RedisOutcomeRelay
{
    /// <summary>
    /// Appends an outcome event to its call's stream and announces it, given the Lua locals <c>outcomes</c> (the stream
    /// key), <c>body</c>, <c>hold</c> (ms), <c>channel</c> and <c>message</c>: here, and inside the queue's enqueue script.
    /// </summary>
    internal const string Announce = """
        redis.call('XADD', outcomes, 'MAXLEN', '~', 64, '*', 'body', body)
        redis.call('PEXPIRE', outcomes, hold)
        redis.call('PUBLISH', channel, message)
        """;

    private const string AcceptScript = "local outcomes, body, hold, channel, message = KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]\n" + Announce;

    /// <summary>What announcing the event takes (see <see cref="Announce"/>); null when it can complete no wait.</summary>
    internal Announcement? ToAnnounce(TelnyxWebhookEvent webhookEvent, ReadOnlyMemory<byte> body)
    {
        if (!AwaitedOutcome.CanComplete(webhookEvent.EventType) || webhookEvent.Payload?.CallControlId is not { } call)
        {
            return null;
        }

        var message = Encoding.UTF8.GetBytes(_instance + "\n" + call + "\n").Concat(body.ToArray()).ToArray();
        return new Announcement(call, _keys.OutcomeStream(call), [_holdMs, _channel.ToString(), message]);
    }

    /// <summary>Completes this instance's own waiters, which skip its announcements.</summary>
    internal void Announced(Announcement announcement, TelnyxWebhookEvent webhookEvent) => _router.Route(announcement.Call, webhookEvent);
}

/// <summary>An outcome event's call, its stream, and the arguments after the body: hold ms, channel, message.</summary>
internal sealed record Announcement(string Call, RedisKey Stream, RedisValue[] Arguments);
