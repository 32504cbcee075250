using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Telnyx.Generated.AspNetCore.Tests.Health;

/// <summary>AddTelnyxWebhookDeduplication, read through a health endpoint on a real Kestrel app.</summary>
public class DeduplicationHealthCheckTests
{
    [Test]
    public async Task In_memory_is_always_healthy()
    {
        await using var app = await StartAsync(_ => { }, health => health.AddTelnyxWebhookDeduplication());

        var (status, entry) = await CheckAsync(app);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(entry.Name, Is.EqualTo("telnyx-webhook-deduplication"));
        Assert.That(entry.Status, Is.EqualTo("Healthy"));
        Assert.That(entry.Description, Does.Contain("in this process"));
    }

    [Test]
    public async Task An_IDistributedCache_is_healthy_while_it_returns_a_probe_and_unhealthy_while_it_fails()
    {
        var cache = new SwitchableCache();
        await using var app = await StartAsync(s => s.AddSingleton<IDistributedCache>(cache).AddTelnyxDistributedWebhookDeduplication(), health => health.AddTelnyxWebhookDeduplication());

        var up = await CheckAsync(app);
        cache.Down = true;
        var down = await CheckAsync(app);
        cache.Down = false;
        var back = await CheckAsync(app);

        Assert.That((up.Status, up.Entry.Status), Is.EqualTo((HttpStatusCode.OK, "Healthy")));
        Assert.That((down.Status, down.Entry.Status), Is.EqualTo((HttpStatusCode.ServiceUnavailable, "Unhealthy")));
        Assert.That(down.Entry.Description, Is.EqualTo("SwitchableCache failed: cache unreachable"));
        Assert.That((back.Status, back.Entry.Status), Is.EqualTo((HttpStatusCode.OK, "Healthy")));
    }

    [Test]
    public async Task A_store_that_does_not_answer_reports_the_failure_status_when_the_timeout_passes()
    {
        var cache = new SwitchableCache { Hanging = true }; // answers nothing until cancelled: only the timeout can end the check
        await using var app = await StartAsync(
            s => s.AddSingleton<IDistributedCache>(cache).AddTelnyxDistributedWebhookDeduplication(),
            health => health.AddTelnyxWebhookDeduplication("dedup", HealthStatus.Degraded, ["ready"], TimeSpan.FromMilliseconds(200)));

        var (status, entry) = await CheckAsync(app).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "Degraded is served as 200 by default");
        Assert.That(entry.Name, Is.EqualTo("dedup"));
        Assert.That(entry.Status, Is.EqualTo("Degraded"));
        Assert.That(entry.Description, Does.Contain("timeout"));
        Assert.That(entry.Tags, Is.EqualTo(new[] { "ready" }));
    }

    private static Task<WebhookApp> StartAsync(Action<IServiceCollection> services, Action<IHealthChecksBuilder> health) =>
        WebhookApp.StartAsync(
            s =>
            {
                services(s);
                health(s.AddHealthChecks());
            },
            configureApp: app => app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteEntries }));

    private static async Task<(HttpStatusCode Status, Entry Entry)> CheckAsync(WebhookApp app)
    {
        using var response = await app.Client.GetAsync("/health");
        var entries = JsonSerializer.Deserialize<Entry[]>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
        return (response.StatusCode, entries.Single());
    }

    private static Task WriteEntries(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(report.Entries.Select(e => new Entry(e.Key, e.Value.Status.ToString(), e.Value.Description, [.. e.Value.Tags])));

    internal sealed record Entry(string Name, string Status, string? Description, string[] Tags);
}
