using StackExchange.Redis;
using Telnyx.Generated.Webhooks;

// Arguments: --urls http://127.0.0.1:PORT --Redis host:port --Instance NAME --HandlerMs N and the Telnyx:* settings.
// Each handler run is written to Redis under {prefix}: HINCRBY runs, SADD started:{instance}, SADD finished:{instance},
// so the test sees what every process did, including one it killed.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var redis = await ConnectionMultiplexer.ConnectAsync(builder.Configuration["Redis"]!);
var prefix = builder.Configuration["Prefix"]!;
var instance = builder.Configuration["Instance"]!;
var handlerTime = TimeSpan.FromMilliseconds(builder.Configuration.GetValue<int>("HandlerMs"));
builder.Services.AddTelnyx(builder.Configuration.GetSection("Telnyx"));
builder.Services.AddTelnyxRedis(redis, o =>
{
    o.KeyPrefix = prefix;
    o.ClaimLease = TimeSpan.FromMilliseconds(builder.Configuration.GetValue<int>("LeaseMs"));
});
builder.Services.AddTelnyxWebhookHandler<TelnyxWebhookEvent>(async (e, _, ct) =>
{
    var db = redis.GetDatabase();
    await db.HashIncrementAsync(prefix + "runs", e.Id);
    await db.SetAddAsync(prefix + "started:" + instance, e.Id);
    await Task.Delay(handlerTime, ct);
    await db.SetAddAsync(prefix + "finished:" + instance, e.Id);
});

var app = builder.Build();
app.MapTelnyxWebhooks();
await app.StartAsync();
Console.WriteLine("READY");
await app.WaitForShutdownAsync();
