using StackExchange.Redis;

namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>
/// Every key <c>AddTelnyxRedis</c> uses, named in one place. Redis Cluster runs a script or multi-key command only when
/// all its keys hash to one slot, and hashes only a key's part in braces (its hash tag). Every key carries the app's
/// tag, <c>{KeyPrefix}</c>: the queue's scripts join an event id with the stream, the relay's a waiter's key with its
/// call's stream, and one tag for all keeps that one rule. An app's keys live on one node (the queue is one stream
/// anyway); apps with their own prefixes spread over the nodes.
/// </summary>
internal sealed class RedisKeys
{
    private readonly string _tag;

    public RedisKeys(string prefix)
    {
        _tag = "{" + prefix + "}";
        Queue = _tag + "queue";
        DeadLetters = _tag + "dead-letters";
        Consumers = _tag + "consumers";
        Outcomes = RedisChannel.Literal(prefix + "outcomes");
    }

    /// <summary>The queued events not yet handled (a stream).</summary>
    public RedisKey Queue { get; }

    /// <summary>The queued events whose handlers kept failing (a stream, never trimmed).</summary>
    public RedisKey DeadLetters { get; }

    /// <summary>The queue's instances by consumer name, each scored with when it is due to check in again (a sorted set).</summary>
    public RedisKey Consumers { get; }

    /// <summary>The channel announcing every relayed outcome event (channels have no slot).</summary>
    public RedisChannel Outcomes { get; }

    /// <summary>An event id's claim, <c>queued:</c> mark, or <c>done</c> or <c>dead</c> mark.</summary>
    public RedisKey EventId(string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return _tag + eventId;
    }

    /// <summary>A call's relayed outcome events (a stream), kept for the longest wait.</summary>
    public RedisKey OutcomeStream(string call) => _tag + "outcome:" + call;

    /// <summary>Held by the one waiter of an operation on a call, across instances.</summary>
    public RedisKey OutcomeAwait(string call, string operationId) => _tag + "outcome-await:" + call + ":" + operationId;

    /// <summary>A brace in the prefix would end or replace the hash tag, and split a script's keys over slots.</summary>
    public static bool IsValidPrefix(string? prefix) => !string.IsNullOrEmpty(prefix) && prefix.IndexOfAny(['{', '}']) < 0;
}
