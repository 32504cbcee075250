using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// A handler that runs longer than <c>ClaimLease</c>: its claim lapses while it still runs, so a copy of the event
/// that arrives then, even at the same instance, claims it again and runs beside it. The event runs twice; nothing is
/// lost. This is why the lease must be longer than the slowest handler (see docs/webhooks.md, "Several app instances: Redis").
/// The test ends a lease itself (<see cref="KeyWatch.LapseAsync"/>), so no other claim can lapse by the clock however slow the machine.
/// </summary>
public class ClaimLeaseTests() : SharedRedisTests(watchKeys: true)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Test]
    public async Task A_copy_reaching_the_same_instance_after_the_lease_runs_beside_the_slow_handler_and_both_end_done()
    {
        var runs = new SlowRuns(fail: []);
        await using var apps = await StartAsync("test:outlived:", runs);
        var body = Events.ReferStarted("evt-outlived");
        var key = await KeyWatch.StartAsync(Admin, "{test:outlived:}evt-outlived");
        var db = Admin.GetDatabase();

        var first = apps.A.PostAsync(body);
        await runs.Started(0);
        await key.LapseAsync(Lease); // the first run's claim lapses while its handler still runs
        var copy = apps.A.PostAsync(body);
        await runs.Started(1); // same instance, same event: claimed again, running beside the first
        Assert.That((string?)await db.StringGetAsync("{test:outlived:}evt-outlived"), Does.StartWith("claimed:"));

        runs.Finish(0);
        Assert.That((await first.WaitAsync(Patience)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)await db.StringGetAsync("{test:outlived:}evt-outlived"), Is.EqualTo("done"), "the first to finish marks it done");
        runs.Finish(1);
        Assert.That((await copy.WaitAsync(Patience)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (var later = await apps.A.PostAsync(body))
        {
            Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That((string?)await db.StringGetAsync("{test:outlived:}evt-outlived"), Is.EqualTo("done"));
        Assert.That(apps.Runs["evt-outlived"], Is.EqualTo(2), "ran twice, once per claim; the later copy is a duplicate");
    }

    [Test]
    public async Task When_the_slow_run_fails_the_copy_running_beside_it_on_the_same_instance_keeps_its_claim()
    {
        var runs = new SlowRuns(fail: [0]);
        await using var apps = await StartAsync("test:outlived-fails:", runs);
        var body = Events.ReferStarted("evt-outlived-fails");
        var key = await KeyWatch.StartAsync(Admin, "{test:outlived-fails:}evt-outlived-fails");
        var db = Admin.GetDatabase();

        var first = apps.A.PostAsync(body);
        await runs.Started(0);
        await key.LapseAsync(Lease);
        var copy = apps.A.PostAsync(body);
        await runs.Started(1);
        var claimOfCopy = (string?)await db.StringGetAsync("{test:outlived-fails:}evt-outlived-fails");

        runs.Finish(0); // the slow first run throws
        Assert.That((await first.WaitAsync(Patience)).StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That((string?)await db.StringGetAsync("{test:outlived-fails:}evt-outlived-fails"), Is.EqualTo(claimOfCopy), "the failed run releases no claim while the copy still runs here");
        using (var meanwhile = await apps.B.PostAsync(body))
        {
            Assert.That(meanwhile.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a third copy is a duplicate while the second runs");
        }

        runs.Finish(1);
        Assert.That((await copy.WaitAsync(Patience)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)await db.StringGetAsync("{test:outlived-fails:}evt-outlived-fails"), Is.EqualTo("done"));
        Assert.That(apps.Runs["evt-outlived-fails"], Is.EqualTo(2));
    }

    private Task<TwoInstances> StartAsync(string prefix, SlowRuns runs) => TwoInstances.StartAsync(
        s => s.AddTelnyxRedis(Server.Configuration, o =>
        {
            o.KeyPrefix = prefix;
            o.ClaimLease = Lease;
        }),
        _ => runs.RunAsync());

    /// <summary>Handler runs that each wait for the test to finish them; the runs listed in <c>fail</c> then throw.</summary>
    private sealed class SlowRuns(int[] fail)
    {
        private readonly TaskCompletionSource[] _started = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];
        private readonly TaskCompletionSource[] _finish = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];
        private int _runs = -1;

        public async Task RunAsync()
        {
            var run = Interlocked.Increment(ref _runs);
            _started[run].SetResult();
            await _finish[run].Task;
            if (fail.Contains(run))
            {
                throw new InvalidOperationException("the slow handler failed");
            }
        }

        public Task Started(int run) => _started[run].Task.WaitAsync(Patience);

        public void Finish(int run) => _finish[run].SetResult();
    }
}
