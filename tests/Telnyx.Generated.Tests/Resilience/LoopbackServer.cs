using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Telnyx.Generated.Tests.Resilience;

/// <summary>What the server does with request number n (1-based).</summary>
internal enum Behaviour
{
    Ok,
    ServiceUnavailable,
    InternalError,
    ResetBeforeAnswer,
    ResetMidResponse,
    NeverAnswer,
}

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 (free port), so faults a real socket produces — a reset mid-response, a
/// silent server — reach the real SocketsHttpHandler. Stopped (and every connection closed) on dispose.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, string, Behaviour> _behaviour;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private int _requests;

    public LoopbackServer(Func<int, Behaviour> behaviour)
        : this((n, _) => behaviour(n))
    {
    }

    /// <summary>A server whose answer depends on the request number and the request body.</summary>
    public LoopbackServer(Func<int, string, Behaviour> behaviour)
    {
        _behaviour = behaviour;
        _listener.Start(512);
        _ = AcceptLoop();
    }

    public int Requests => Volatile.Read(ref _requests);

    public ConcurrentQueue<string> Heads { get; } = new();

    public ConcurrentQueue<string> Bodies { get; } = new();

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v2/");

    /// <summary>A port nothing listens on: bound, then released.</summary>
    public static Uri RefusedBaseUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/v2/");
    }

    private async Task AcceptLoop()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                _connections.Add(connection);
                _ = Serve(connection);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task Serve(TcpClient connection)
    {
        try
        {
            var stream = connection.GetStream();
            var buffer = new List<byte>();
            var chunk = new byte[8192];
            while (true)
            {
                // Read one request: head up to a blank line, then Content-Length bytes.
                int headEnd;
                while ((headEnd = IndexOf(buffer, "\r\n\r\n"u8.ToArray())) < 0)
                {
                    var n = await stream.ReadAsync(chunk, _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, n));
                }

                var head = Encoding.ASCII.GetString(buffer.GetRange(0, headEnd).ToArray());
                var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                while (buffer.Count < headEnd + 4 + length)
                {
                    var n = await stream.ReadAsync(chunk, _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, n));
                }

                var body = Encoding.UTF8.GetString(buffer.GetRange(headEnd + 4, length).ToArray());
                buffer.RemoveRange(0, headEnd + 4 + length);
                Heads.Enqueue(head);
                Bodies.Enqueue(body);
                var number = Interlocked.Increment(ref _requests);
                switch (_behaviour(number, body))
                {
                    case Behaviour.Ok:
                        await Write(stream, 200, ScriptedTelnyx.Ok);
                        break;
                    case Behaviour.ServiceUnavailable:
                        await Write(stream, 503, ScriptedTelnyx.Bodies["telnyx"]);
                        break;
                    case Behaviour.InternalError:
                        await Write(stream, 500, ScriptedTelnyx.Bodies["telnyx"]);
                        break;
                    case Behaviour.ResetBeforeAnswer:
                        Reset(connection);
                        return;
                    case Behaviour.ResetMidResponse:
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"data\":{\"res"), _stop.Token);
                        await stream.FlushAsync(_stop.Token);
                        Reset(connection);
                        return;
                    case Behaviour.NeverAnswer:
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            connection.Dispose();
        }
    }

    private static void Reset(TcpClient connection)
    {
        connection.Client.LingerState = new LingerOption(true, 0); // close with RST, not FIN
        connection.Close();
    }

    private async Task Write(NetworkStream stream, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
        await stream.WriteAsync(bytes, _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Count; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
            {
                match = haystack[i + j] == needle[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _stop.Dispose();
    }
}
