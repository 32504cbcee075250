using System.Net;
using Telnyx.Generated.Testing.Tests.Support;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>Injected faults reach users' resilience code as real HTTP failures, and the recording shows the retries.</summary>
public class FaultInjectionTests
{
    [Test]
    public async Task A_503_is_retried_by_the_client_with_the_same_command_id_and_the_command_runs_once()
    {
        await using var f = await EmulatorFixture.StartAsync(configureClient: o => o.MaxRetries = 1);
        var call = f.Emulator.CreateCall();
        f.Emulator.FailNext(1, EmulatorFault.Status(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.Zero));

        await f.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" });

        var refers = f.Emulator.Commands;
        Assert.That(refers.Select(c => c.StatusCode), Is.EqualTo(new[] { 503, 200 }));
        Assert.That(refers[1].CommandId, Is.EqualTo(refers[0].CommandId).And.Not.Null);
        Assert.That(await f.NextEventAsync(), Is.InstanceOf<CallReferStartedEvent>());
    }

    [Test]
    public async Task A_status_fault_surfaces_as_TelnyxApiException_when_retries_are_off()
    {
        await using var f = await EmulatorFixture.StartAsync(configureClient: o => o.MaxRetries = 0);
        f.Emulator.FailNext(1, EmulatorFault.Status(HttpStatusCode.InternalServerError));

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => f.Actions.SendDtmfAsync(f.Emulator.CreateCall(), new SendDtmfRequest { Digits = "1" }));

        Assert.That(ex!.StatusCode, Is.EqualTo(500));
        Assert.That(ex.Errors, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_dropped_connection_surfaces_as_TelnyxConnectionException_and_the_command_does_not_run()
    {
        await using var f = await EmulatorFixture.StartAsync(configureClient: o => o.MaxRetries = 0);
        f.Emulator.FailNext(1, EmulatorFault.Drop());

        Assert.That(() => f.Actions.StartSiprecAsync(f.Emulator.CreateCall(), new StartSiprecRequest()), Throws.InstanceOf<TelnyxConnectionException>());
        await f.Emulator.WhenWebhooksDeliveredAsync();

        Assert.That(f.Emulator.Commands.Single().StatusCode, Is.EqualTo(0));
        Assert.That(f.Emulator.Events, Is.Empty);
    }

    [Test]
    public async Task A_delay_longer_than_the_client_timeout_surfaces_as_TelnyxTimeoutException()
    {
        await using var f = await EmulatorFixture.StartAsync(configureClient: o => { o.MaxRetries = 0; o.Timeout = TimeSpan.FromMilliseconds(200); });
        f.Emulator.FailNext(1, EmulatorFault.Delayed(TimeSpan.FromSeconds(30)));

        Assert.That(() => f.Actions.SendDtmfAsync(f.Emulator.CreateCall(), new SendDtmfRequest { Digits = "1" }), Throws.InstanceOf<TelnyxTimeoutException>());
    }

    [Test]
    public async Task Faults_apply_to_the_next_n_requests_only()
    {
        await using var f = await EmulatorFixture.StartAsync(configureClient: o => o.MaxRetries = 0);
        var call = f.Emulator.CreateCall();
        f.Emulator.FailNext(2, EmulatorFault.Status(HttpStatusCode.BadGateway));

        Assert.That(() => f.Actions.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1" }), Throws.InstanceOf<TelnyxApiException>());
        Assert.That(() => f.Actions.SendDtmfAsync(call, new SendDtmfRequest { Digits = "2" }), Throws.InstanceOf<TelnyxApiException>());
        var third = await f.Actions.SendDtmfAsync(call, new SendDtmfRequest { Digits = "3" });

        Assert.That(third.Data?.Result, Is.EqualTo("ok"));
        Assert.That(f.Emulator.Commands.Select(c => c.StatusCode), Is.EqualTo(new[] { 502, 502, 200 }));
    }
}
