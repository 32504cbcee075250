using System.Diagnostics;
using System.Globalization;
using System.Net;
using StackExchange.Redis;

namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>
/// The Redis de-duplicator's commands as <see cref="ActivityKind.Client"/> spans under the delivery's span, from this
/// package's own source (<see cref="SourceName"/>, with this package's version; <c>AddSource("Telnyx.Generated*")</c>
/// covers it), following OpenTelemetry's database conventions (<c>db.system.name</c> <c>redis</c>). Keys and values
/// are not recorded.
/// </summary>
internal sealed class RedisTelemetry
{
    public const string SourceName = "Telnyx.Generated.AspNetCore.Redis";

    private static readonly ActivitySource Source = new(SourceName, PackageVersion.Of(typeof(RedisTelemetry).Assembly));

    private readonly string? _address;
    private readonly int? _port;

    public RedisTelemetry(IConnectionMultiplexer redis)
    {
        // The first configured endpoint: where a single server or a primary is.
        (_address, _port) = redis.GetEndPoints().FirstOrDefault() switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            _ => ((string?)null, (int?)null),
        };
    }

    public Activity? Start(string command, IDatabase database)
    {
        var activity = Source.StartActivity(command, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "redis");
            activity.SetTag("db.operation.name", command);
            activity.SetTag("db.namespace", database.Database.ToString(CultureInfo.InvariantCulture));
            activity.SetTag("server.address", _address);
            activity.SetTag("server.port", _port);
        }

        return activity;
    }

    public static void Failed(Activity? activity, Exception error)
    {
        activity?.SetTag("error.type", error.GetType().FullName);
        activity?.SetStatus(ActivityStatusCode.Error);
    }
}
