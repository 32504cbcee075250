using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// The consumer behind <see cref="TelnyxOptions.QueueWebhooks"/>, one per app instance: it takes new entries while
/// fewer than <see cref="TelnyxOptions.WebhookQueueConcurrency"/> run, renews the entries it holds so no other instance
/// takes them, takes over entries a dead instance left (after the queue's claim lease) and samples the backlog for the
/// metrics. Each entry runs in <see cref="QueuedWebhookRun"/>. A store failure is logged and retried; nothing is
/// acknowledged that was not handled. Stopping the host stops taking entries and lets running ones finish until the
/// host's shutdown timeout; what is left is taken over by another instance.
/// </summary>
internal sealed class TelnyxWebhookQueueWorker(
    IServiceProvider services,
    IOptions<TelnyxOptions> options,
    ILogger<TelnyxWebhookQueueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private SemaphoreSlim? _slots;

    /// <summary>Called by the endpoint after it enqueued, so this instance starts at once instead of at its next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount > 0)
        {
            return; // already woken: no exception per delivery under load
        }

        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Woken by another delivery meanwhile.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.QueueWebhooks)
        {
            return;
        }

        var queue = services.GetRequiredService<ITelnyxWebhookQueue>();
        var run = ActivatorUtilities.CreateInstance<QueuedWebhookRun>(services, queue);
        _slots = new SemaphoreSlim(options.Value.WebhookQueueConcurrency);
        var upkeep = Task.Run(() => KeepUpAsync(queue, run, stoppingToken), CancellationToken.None);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var taken = await TakeAsync(_slots, stoppingToken).ConfigureAwait(false);
                IReadOnlyList<QueuedWebhook> entries;
                try
                {
                    entries = await queue.ReadAsync(taken, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    _slots.Release(taken);
                    TelnyxWebhookQueueLog.StoreFailed(logger, ex, "read", StoreRetryDelay);
                    await Task.Delay(StoreRetryDelay, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                Start(entries, taken, run, stoppingToken);
                if (entries.Count == 0)
                {
                    await _wake.WaitAsync(PollInterval, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through and let running handlers finish.
        }

        await upkeep.ConfigureAwait(false);
        await Task.WhenAll(_running.Values).ConfigureAwait(false);
    }

    // Renews held entries, takes over abandoned ones and samples the backlog, a few times per claim lease.
    private async Task KeepUpAsync(ITelnyxWebhookQueue queue, QueuedWebhookRun run, CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromTicks(Math.Clamp(queue.ClaimLease.Ticks / 3, TimeSpan.TicksPerMillisecond, TimeSpan.FromSeconds(5).Ticks));
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    if (!_running.IsEmpty)
                    {
                        await queue.RenewAsync(_running.Keys.ToArray(), stoppingToken).ConfigureAwait(false);
                    }

                    var taken = await TakeAsync(_slots!, stoppingToken, wait: false).ConfigureAwait(false);
                    IReadOnlyList<QueuedWebhook> entries = [];
                    try
                    {
                        entries = taken == 0 ? [] : await queue.ReclaimAsync(taken, stoppingToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        Start(entries, taken, run, stoppingToken); // gives back the slots no entry took, also when Redis failed
                    }

                    run.Metrics.Sampled(await queue.GetBacklogAsync(stoppingToken).ConfigureAwait(false));
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    TelnyxWebhookQueueLog.StoreFailed(logger, ex, "renew, reclaim or sample", interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    // Waits for one free slot (unless wait is false), then takes every other free one: how many entries to ask for.
    private static async Task<int> TakeAsync(SemaphoreSlim slots, CancellationToken cancellationToken, bool wait = true)
    {
        var taken = 0;
        if (wait)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            taken = 1;
        }

        while (slots.Wait(0))
        {
            taken++;
        }

        return taken;
    }

    private void Start(IReadOnlyList<QueuedWebhook> entries, int taken, QueuedWebhookRun run, CancellationToken stoppingToken)
    {
        if (taken > entries.Count)
        {
            _slots!.Release(taken - entries.Count);
        }

        foreach (var entry in entries)
        {
            if (_running.ContainsKey(entry.EntryId))
            {
                _slots!.Release(); // reclaimed from this very instance after a renewal failed: it already runs here
                continue;
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _running[entry.EntryId] = gate.Task;
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        await run.RunAsync(entry, stoppingToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _running.TryRemove(entry.EntryId, out _);
                        _slots!.Release();
                        gate.SetResult();
                    }
                },
                CancellationToken.None);
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        _slots?.Dispose();
        base.Dispose();
    }
}
