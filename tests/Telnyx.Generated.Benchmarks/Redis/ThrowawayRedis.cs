using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Telnyx.Generated.Benchmarks;

/// <summary>A <c>redis-server</c> without persistence on 127.0.0.1 and a free port, killed on dispose.</summary>
public sealed class ThrowawayRedis : IDisposable
{
    private readonly Process _server;

    private ThrowawayRedis(Process server, int port)
    {
        _server = server;
        Configuration = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)},allowAdmin=true";
    }

    /// <summary>A StackExchange.Redis configuration string (admin commands allowed, for INFO and MEMORY USAGE).</summary>
    public string Configuration { get; }

    public static async Task<ThrowawayRedis> StartAsync()
    {
        var port = LoopbackPort.Free();
        var server = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        while (await server.StandardOutput.ReadLineAsync() is { } line && !line.Contains("Ready to accept connections", StringComparison.Ordinal))
        {
        }

        return new ThrowawayRedis(server, port);
    }

    /// <summary>INFO memory's <c>used_memory</c>, in bytes.</summary>
    public static async Task<long> UsedMemoryAsync(IConnectionMultiplexer redis) =>
        long.Parse((await redis.GetServer(redis.GetEndPoints()[0]).InfoAsync("memory")).SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _server.Kill();
        _server.WaitForExit();
        _server.Dispose();
    }
}
