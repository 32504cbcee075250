namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>
/// The queue's multi-key steps, each one Lua script so Redis runs it atomically: no event is claimed but not queued,
/// queued twice, acknowledged but not marked done, or dead-lettered but still queued. An event id's key holds
/// <c>queued:{entry}</c> (no expiry: it ends when the entry does), then <c>done</c> or <c>dead</c> for the
/// de-duplication window. The id key is absent for an event without an id.
/// </summary>
internal static class RedisQueueScripts
{
    /// <summary>
    /// KEYS: stream, [id key], [call's outcome stream]. ARGV: body, traceparent, event id ('' for none), then for an
    /// outcome event hold ms, channel, message. The new entry id, or nil for a duplicate. An outcome event is announced
    /// (<see cref="RedisOutcomeRelay.Announce"/>) in the same step, so none is queued but unannounced.
    /// </summary>
    public const string Enqueue = """
        local id = ARGV[3] ~= '' and KEYS[2] or nil
        if id and redis.call('EXISTS', id) == 1 then return false end
        local entry = redis.call('XADD', KEYS[1], '*', 'body', ARGV[1], 'tp', ARGV[2], 'id', ARGV[3])
        if id then redis.call('SET', id, 'queued:' .. entry) end
        if ARGV[4] then
          local outcomes, body, hold, channel, message = KEYS[#KEYS], ARGV[1], ARGV[4], ARGV[5], ARGV[6]

        """ + RedisOutcomeRelay.Announce + """

        end
        return entry
        """;

    /// <summary>
    /// KEYS: stream, [id key]. ARGV: group, entry id, window ms. Deleting the acknowledged entry is the stream's trim:
    /// it holds only unhandled entries, and Redis frees a stream node once all its entries are deleted.
    /// </summary>
    public const string Complete = """
        if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
        redis.call('XDEL', KEYS[1], ARGV[2])
        if KEYS[2] then redis.call('SET', KEYS[2], 'done', 'PX', ARGV[3]) end
        return 1
        """;

    /// <summary>KEYS: stream, dead-letter stream, [id key]. ARGV: group, entry id, body, traceparent, event id, attempts, error, window ms.</summary>
    public const string DeadLetter = """
        if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
        redis.call('XDEL', KEYS[1], ARGV[2])
        redis.call('XADD', KEYS[2], '*', 'body', ARGV[3], 'tp', ARGV[4], 'id', ARGV[5], 'attempts', ARGV[6], 'error', ARGV[7])
        if KEYS[3] then redis.call('SET', KEYS[3], 'dead', 'PX', ARGV[8]) end
        return 1
        """;

    /// <summary>KEYS: dead-letter stream, stream, [id key]. ARGV: dead letter id. The new entry id, or nil when there is no such dead letter.</summary>
    public const string Replay = """
        local found = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
        if #found == 0 then return false end
        local fields = {}
        local flat = found[1][2]
        for i = 1, #flat, 2 do fields[flat[i]] = flat[i + 1] end
        local entry = redis.call('XADD', KEYS[2], '*', 'body', fields['body'], 'tp', fields['tp'], 'id', fields['id'])
        redis.call('XDEL', KEYS[1], ARGV[1])
        if KEYS[3] then redis.call('SET', KEYS[3], 'queued:' .. entry) end
        return entry
        """;

    /// <summary>
    /// KEYS: stream, consumers. ARGV: group, this instance's consumer, age ms. Each instance joins the group under a new
    /// name, so every restart leaves one behind. This checks this instance in (it is due again within the age, which keeps
    /// its own name), then removes the names with no pending entries (removing one with entries would drop them from
    /// the group: never handled), idle for the age, and whose instance is not checked in. The check-in is what tells a
    /// live instance: before Redis 7.2, <c>idle</c> counts from the last read that got entries, so a quiet one looks idle.
    /// One script, so a name cannot get entries between the check and the removal. The number removed.
    /// </summary>
    public const string ForgetDepartedConsumers = """
        local time = redis.call('TIME')
        local now = time[1] * 1000 + math.floor(time[2] / 1000)
        local age = tonumber(ARGV[3])
        redis.call('ZADD', KEYS[2], now + age, ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. now)
        local consumers = redis.pcall('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])
        if consumers.err then return 0 end
        local removed = 0
        for _, consumer in ipairs(consumers) do
          local field = {}
          for i = 1, #consumer, 2 do field[consumer[i]] = consumer[i + 1] end
          if field.pending == 0 and field.idle >= age and not redis.call('ZSCORE', KEYS[2], field.name) then
            redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], field.name)
            removed = removed + 1
          end
        end
        return removed
        """;

    /// <summary>KEYS: stream, dead-letter stream. Length, age of the oldest entry in ms by the server's clock, dead letters.</summary>
    public const string Backlog = """
        local oldest = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
        local age = 0
        if #oldest > 0 then
          local now = redis.call('TIME')
          age = now[1] * 1000 + math.floor(now[2] / 1000) - tonumber(string.match(oldest[1][1], '^(%d+)'))
        end
        return { redis.call('XLEN', KEYS[1]), age, redis.call('XLEN', KEYS[2]) }
        """;
}
