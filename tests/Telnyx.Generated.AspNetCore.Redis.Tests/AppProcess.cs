using System.Diagnostics;
using System.Globalization;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// One instance of tests/Telnyx.Generated.QueueTestApp as its own process (<c>dotnet &lt;dll&gt;</c>) on 127.0.0.1 and a
/// free port, so a test can kill it mid-handler as a crash would (SIGKILL: no shutdown, no finally blocks).
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var dll = Repo.Path("tests", "Telnyx.Generated.QueueTestApp", "bin", configuration, "net10.0", "Telnyx.Generated.QueueTestApp.dll");
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls=" + address);
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "READY")
            {
                ready.TrySetResult();
            }
            else if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("The test app exited: " + string.Join(Environment.NewLine, output)));
            }
            else
            {
                output.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new AppProcess(process, address);
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Client.Dispose();
    }
}
