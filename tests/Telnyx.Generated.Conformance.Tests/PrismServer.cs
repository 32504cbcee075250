using System.Diagnostics;
using System.Text;

namespace Telnyx.Generated.Conformance.Tests;

/// <summary>
/// Stoplight Prism in mock mode on 127.0.0.1, serving one spec: it validates every request against the spec
/// (a violation gives 422 and an <c>sl-violations</c> header) and answers from the spec's examples.
/// </summary>
internal sealed class PrismServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PrismServer(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<PrismServer> StartAsync(string specPath)
    {
        var prism = NodeTools.Bin("prism");

        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(prism)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "mock", specPath, "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Prism did not start.");
        var server = new PrismServer(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilListeningAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Prism's own output, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // .bin/prism is a node script; node may have children
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    // Any HTTP answer (Prism gives 404 for an unknown route) means it listens; poll until then, fail fast if it died.
    private async Task WaitUntilListeningAsync()
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Prism exited with code {_process.ExitCode} before listening:\n{Log}");
                }

                try
                {
                    using var response = await probe.GetAsync(new Uri(BaseUrl, "__ready"), deadline.Token);
                    return;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                {
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token); // poll interval, not a guess at start-up time
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Prism did not listen on {BaseUrl} within 90 s:\n{Log}");
        }
    }
}
