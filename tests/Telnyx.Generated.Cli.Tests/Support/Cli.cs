using System.Text;
using Telnyx.Generated.Cli;

namespace Telnyx.Generated.Cli.Tests.Support;

/// <summary>Runs telnyx-calls in-process and captures what it printed.</summary>
internal sealed class Cli
{
    public WaitingWriter Out { get; } = new();

    public WaitingWriter Error { get; } = new();

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string[] args, string stdin = "")
    {
        var cli = new Cli();
        var code = await cli.StartAsync(args, stdin);
        return (code, cli.Out.ToString(), cli.Error.ToString());
    }

    public Task<int> StartAsync(string[] args, string stdin = "", CancellationToken cancellationToken = default) =>
        Task.Run(() => TelnyxCallsCli.RunAsync(args, Out, Error, new StringReader(stdin), cancellationToken), CancellationToken.None);
}

/// <summary>A thread-safe StringWriter a test can await text from (a long-running command's "ready" line).</summary>
internal sealed class WaitingWriter : StringWriter
{
    private readonly Lock _gate = new();
    private readonly List<(string Text, TaskCompletionSource<string> Done)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
            Release();
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
            Release();
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            base.Write(buffer, index, count);
            Release();
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }

    /// <summary>Completes with everything written so far once a full line containing <paramref name="text"/> was written.</summary>
    public Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        lock (_gate)
        {
            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, done));
            Release();
            return done.Task.WaitAsync(timeout);
        }
    }

    private void Release()
    {
        var all = GetStringBuilder().ToString();
        foreach (var waiter in _waiters.ToList())
        {
            var at = all.IndexOf(waiter.Text, StringComparison.Ordinal);
            if (at >= 0 && all.IndexOf('\n', at) >= 0)
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(all);
            }
        }
    }
}
