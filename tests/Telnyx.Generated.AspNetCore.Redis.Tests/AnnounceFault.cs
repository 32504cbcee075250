using System.Reflection;
using StackExchange.Redis;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// A connection that drops once at the worst instant: the first script that would announce an outcome event of
/// <c>eventType</c> (one that publishes and carries that event) fails as a lost connection would, unsent; every other
/// command goes to Redis. Passed to <c>AddTelnyxRedis(IConnectionMultiplexer)</c>.
/// </summary>
internal class AnnounceFault : DispatchProxy
{
    private object _target = null!;
    private State _state = null!;

    public static IConnectionMultiplexer Wrap(IConnectionMultiplexer connection, string eventType) =>
        Create<IConnectionMultiplexer>(connection, new State(eventType));

    /// <summary>Whether the fault has happened.</summary>
    public static bool Struck(IConnectionMultiplexer connection) => ((AnnounceFault)(object)connection)._state.Struck;

    private static T Create<T>(object target, State state)
    {
        var proxy = Create<T, AnnounceFault>();
        var fault = (AnnounceFault)(object)proxy!;
        (fault._target, fault._state) = (target, state);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method!.Name == nameof(IConnectionMultiplexer.GetDatabase))
        {
            return Create<IDatabase>(method.Invoke(_target, args)!, _state);
        }

        if (method.Name == nameof(IDatabase.ScriptEvaluateAsync) && args is [string script, ..] && script.Contains("PUBLISH", StringComparison.Ordinal)
            && args.OfType<RedisValue[]>().SelectMany(v => v).Any(v => v.ToString().Contains(_state.EventType, StringComparison.Ordinal))
            && _state.Strike())
        {
            return Task.FromException<RedisResult>(new RedisConnectionException(ConnectionFailureType.SocketFailure, CommandFlags.None, "the connection dropped (injected)"));
        }

        try
        {
            return method.Invoke(_target, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private sealed class State(string eventType)
    {
        private int _struck;

        public string EventType { get; } = eventType;

        public bool Struck => _struck == 1;

        public bool Strike() => Interlocked.Exchange(ref _struck, 1) == 0;
    }
}
