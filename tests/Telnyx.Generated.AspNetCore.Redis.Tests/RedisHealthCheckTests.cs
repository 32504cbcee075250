using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>AddTelnyxWebhookDeduplication with Redis: a PING on the de-duplicator's own connection, against a real redis-server taken down and brought back.</summary>
public class RedisHealthCheckTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task The_check_goes_unhealthy_within_its_timeout_when_Redis_dies_and_healthy_again_when_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        var options = ConfigurationOptions.Parse(redis.Configuration);
        options.AbortOnConnectFail = false;
        options.AsyncTimeout = 120_000; // far beyond Patience: only the check's own timeout can answer while Redis is down
        options.ReconnectRetryPolicy = new LinearRetry(50);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        await using var app = await WebhookApp.StartAsync(
            s =>
            {
                s.AddTelnyxRedis(connection);
                s.AddHealthChecks().AddTelnyxWebhookDeduplication(timeout: TimeSpan.FromMilliseconds(500));
            },
            configureApp: a => a.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteDescription }));

        var up = await CheckAsync(app);
        redis.Kill();
        var down = await CheckAsync(app).WaitAsync(Patience);
        var restored = Restored(connection);
        await redis.RestartAsync();
        await restored.WaitAsync(Patience);
        var back = await CheckAsync(app);

        Assert.That(up.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(up.Body, Does.StartWith("Healthy: Redis answered PING in "));
        Assert.That(down.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(down.Body, Does.StartWith("Unhealthy: ").And.Contain("timeout"));
        Assert.That(back.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(back.Body, Does.StartWith("Healthy: Redis answered PING in "));
    }

    [Test]
    public async Task Redis_refusing_connections_is_unhealthy_with_the_reason()
    {
        var configuration = $"127.0.0.1:{LoopbackPort.Free()},connectTimeout=300,asyncTimeout=300,syncTimeout=300"; // nothing listens there
        await using var app = await WebhookApp.StartAsync(
            s =>
            {
                s.AddTelnyxRedis(configuration);
                s.AddHealthChecks().AddTelnyxWebhookDeduplication();
            },
            configureApp: a => a.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteDescription }));

        var (status, body) = await CheckAsync(app).WaitAsync(Patience);

        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body, Does.StartWith("Unhealthy: Redis did not answer PING: "));
    }

    private static async Task<(HttpStatusCode Status, string Body)> CheckAsync(WebhookApp app)
    {
        using var response = await app.Client.GetAsync("/health");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task WriteDescription(HttpContext context, HealthReport report) =>
        context.Response.WriteAsync($"{report.Status}: {report.Entries.Values.Single().Description}");

    private static Task Restored(IConnectionMultiplexer connection)
    {
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                restored.TrySetResult();
            }
        };
        return restored.Task;
    }
}
