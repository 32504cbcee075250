using System.Diagnostics;
using System.Net;
using StackExchange.Redis;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// A real <c>redis-server</c> on 127.0.0.1 and a free port, without persistence unless asked, started and stopped by its process.
/// <see cref="Kill"/> and <see cref="RestartAsync"/> take it down and bring it back on the same port. With <c>cluster</c>
/// it is a one-node Redis Cluster holding all 16384 slots, which refuses a script or command whose keys span slots
/// (CROSSSLOT), as Azure Cache for Redis clustered, ElastiCache cluster mode and Redis Cluster do.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    public const string MissingMessage =
        "redis-server is not on PATH: install the Debian package redis-server (apt-get install -y redis-server) to run the Redis de-duplication tests.";

    private readonly string? _dataDirectory;
    private readonly bool _durable;
    private readonly bool _cluster;
    private Process? _process;

    private RedisServer(int port, string? dataDirectory, bool durable, bool cluster)
    {
        Port = port;
        _dataDirectory = dataDirectory;
        (_durable, _cluster) = (durable, cluster);
    }

    public int Port { get; }

    /// <summary>A configuration string for StackExchange.Redis.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Starts a server, or marks the test Ignored (naming the Debian package) when redis-server is not installed.</summary>
    /// <param name="durable">Writes every command to an append-only file (fsync always) in a temporary folder, so a killed server restarts with its data, as a production Redis with AOF does.</param>
    /// <param name="cluster">Runs in cluster mode (its node configuration in a temporary folder) and returns once the cluster state is ok.</param>
    public static async Task<RedisServer> StartAsync(bool durable = false, bool cluster = false)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, "redis-server")));
        if (!onPath)
        {
            Assert.Ignore(MissingMessage); // .ci/run installs it and fails when these tests did not run
        }

        var folder = durable || cluster ? Directory.CreateTempSubdirectory("telnyx-redis-").FullName : null;
        var server = new RedisServer(LoopbackPort.Free(), folder, durable, cluster);
        await server.RestartAsync();
        if (cluster)
        {
            await server.AssignAllSlotsAsync();
        }

        return server;
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and returns once it accepts connections.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] persistence = _durable ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
        string[] folder = _dataDirectory is null ? [] : ["--dir", _dataDirectory];
        string[] cluster = _cluster ? ["--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-announce-ip", "127.0.0.1"] : [];
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "" }.Concat(persistence).Concat(folder).Concat(cluster))
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("redis-server exited: " + string.Join(Environment.NewLine, output)));
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Kills the server at once (SIGKILL: no shutdown, no goodbye to clients) and waits until it is gone.</summary>
    public void Kill()
    {
        if (_process is { } process)
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
            _process = null;
        }
    }

    // A lone cluster node serves nothing until it owns every slot; it then reports cluster_state:ok on its own.
    private async Task AssignAllSlotsAsync()
    {
        using var admin = await ConnectAdminAsync();
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        await server.ExecuteAsync("CLUSTER", "ADDSLOTSRANGE", 0, 16383);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!((string?)await server.ExecuteAsync("CLUSTER", "INFO"))!.Contains("cluster_state:ok", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The one-node Redis Cluster did not reach cluster_state:ok within 10 s.");
            }

            await Task.Delay(20); // polling with a bound: Redis announces the state change nowhere else
        }
    }

    /// <summary>An admin connection for the test's own checks (TTLs, pausing clients, expiry notifications).</summary>
    public Task<ConnectionMultiplexer> ConnectAdminAsync() =>
        ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { { IPAddress.Loopback, Port } }, AllowAdmin = true });

    public ValueTask DisposeAsync()
    {
        Kill();
        if (_dataDirectory is not null)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
