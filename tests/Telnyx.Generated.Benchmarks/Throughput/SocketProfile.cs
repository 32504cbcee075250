using System.Net;
using System.Net.Sockets;
using System.Text;
using Telnyx.Generated.Benchmarks.Commands;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Benchmarks.Throughput;

/// <summary>
/// <c>--alloc-profile socket</c>: what benchmark 4's two sides put on the wire (one request of each, captured by a
/// listener that answers as the emulator does), then the bytes each allocates per command by type over the socket
/// against the emulator, one caller, the emulator's share included on both sides alike.
/// </summary>
public static class SocketProfile
{
    public static async Task<int> RunAsync(int calls = 50_000)
    {
        await PrintWireAsync().ConfigureAwait(false);
        await using var emulator = await TelnyxEmulator.StartAsync().ConfigureAwait(false);
        using var telnyx = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        using var raw = new RawClient(emulator.BaseUrl, emulator.ApiKey);
        var call = emulator.CreateCall();
        var request = new SendDtmfRequest { Digits = "1234" };
        var profiles = new Dictionary<string, Dictionary<string, double>>();
        foreach (var (name, send) in new (string, Func<Task>)[] { ("Raw", () => raw.SendDtmfAsync(call, request)), ("TelnyxClient", () => telnyx.Calls.Actions.SendDtmfAsync(call, request)) })
        {
            for (var i = 0; i < 20_000; i++)
            {
                await send().ConfigureAwait(false);
            }

            using var listener = new AllocationProfile.AllocationListener();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var (workItems, cpu, started) = (ThreadPool.CompletedWorkItemCount, Environment.CpuUsage.TotalTime, System.Diagnostics.Stopwatch.GetTimestamp());
            for (var i = 0; i < calls; i++)
            {
                await send().ConfigureAwait(false);
            }

            Console.WriteLine($"## {name}: {(GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls:0} B/command measured, "
                + $"{calls / System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0} commands/s, {(ThreadPool.CompletedWorkItemCount - workItems) / (double)calls:0.00} thread-pool work items and {(Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / calls:0.0} µs CPU per command (emulator included)");
            profiles[name] = listener.BytesByType.ToDictionary(kv => kv.Key, kv => kv.Value / (double)calls);
        }

        Console.WriteLine("## TelnyxClient minus Raw, by type (B/command, |diff| >= 16)");
        foreach (var (type, diff) in profiles.Values.SelectMany(p => p.Keys).Distinct()
                     .Select(t => (t, profiles["TelnyxClient"].GetValueOrDefault(t) - profiles["Raw"].GetValueOrDefault(t)))
                     .Where(x => Math.Abs(x.Item2) >= 16)
                     .OrderByDescending(x => x.Item2))
        {
            Console.WriteLine($"  {diff,8:+0;-0} B  {type}");
        }

        return 0;
    }

    private static async Task PrintWireAsync()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var baseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}/v2/");
        using var telnyx = new TelnyxClient(new TelnyxClientOptions { ApiKey = "KEY_wire", BaseUrl = baseUrl, MaxRetries = 0 });
        using var raw = new RawClient(baseUrl, "KEY_wire");
        var request = new SendDtmfRequest { Digits = "1234" };
        foreach (var (name, send) in new (string, Func<Task>)[] { ("TelnyxClient", () => telnyx.Calls.Actions.SendDtmfAsync("v3:wire", request)), ("Raw", () => raw.SendDtmfAsync("v3:wire", request)) })
        {
            var sending = send();
            using var socket = await server.AcceptSocketAsync().ConfigureAwait(false);
            var received = new StringBuilder();
            var buffer = new byte[4096];
            while (!Complete(received.ToString()))
            {
                received.Append(Encoding.UTF8.GetString(buffer, 0, await socket.ReceiveAsync(buffer).ConfigureAwait(false)));
            }

            const string answer = """{"data":{"result":"ok"}}""";
            await socket.SendAsync(Encoding.UTF8.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {answer.Length}\r\n\r\n{answer}")).ConfigureAwait(false);
            await sending.ConfigureAwait(false);
            Console.WriteLine($"## {name} on the wire ({Encoding.UTF8.GetByteCount(received.ToString())} bytes):\n{received.ToString().Replace("KEY_wire", "KEY_…", StringComparison.Ordinal)}\n");
        }
    }

    private static bool Complete(string request)
    {
        var end = request.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var length = request.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return end >= 0 && length is not null && request.Length - end - 4 >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
