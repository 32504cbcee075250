using System.Diagnostics;
using System.Net;
using StackExchange.Redis;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// A real <c>redis-server</c> on 127.0.0.1 and a free port, without persistence unless asked, started and stopped by its process.
/// <see cref="KillAsync"/> and <see cref="RestartAsync"/> take it down and bring it back on the same port.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    public const string MissingMessage =
        "redis-server is not on PATH: install the Debian package redis-server (apt-get install -y redis-server) to run the Redis de-duplication tests.";

    private readonly string? _dataDirectory;
    private Process? _process;

    private RedisServer(int port, string? dataDirectory)
    {
        Port = port;
        _dataDirectory = dataDirectory;
    }

    public int Port { get; }

    /// <summary>A configuration string for StackExchange.Redis.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Starts a server, or marks the test Ignored (naming the Debian package) when redis-server is not installed.</summary>
    /// <param name="durable">Writes every command to an append-only file (fsync always) in a temporary folder, so a killed server restarts with its data, as a production Redis with AOF does.</param>
    public static async Task<RedisServer> StartAsync(bool durable = false)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, "redis-server")));
        if (!onPath)
        {
            Assert.Ignore(MissingMessage); // .ci/run installs it and fails when these tests did not run
        }

        var server = new RedisServer(LoopbackPort.Free(), durable ? Directory.CreateTempSubdirectory("telnyx-redis-").FullName : null);
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and returns once it accepts connections.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] persistence = _dataDirectory is null ? ["--appendonly", "no"] : ["--appendonly", "yes", "--appendfsync", "always", "--dir", _dataDirectory];
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "" }.Concat(persistence))
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
