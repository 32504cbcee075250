namespace Telnyx.Generated.Packaging.Tests.Packaging;

/// <summary>Throwaway consumer projects, written outside the repository as a user would write them.</summary>
internal static class Consumer
{
    /// <summary>A console app that runs one call: args are base URL, API key, call_control_id.</summary>
    public const string CoreProgram = """
        using Telnyx.Generated;

        using var telnyx = new TelnyxClient(new TelnyxClientOptions { BaseUrl = new Uri(args[0]), ApiKey = args[1] });
        var response = await telnyx.Calls.Actions.UpdateClientStateAsync(args[2], new UpdateClientStateRequest { ClientState = "Y29uc3VtZXI=" });
        Console.WriteLine("result=" + response.Data?.Result);
        """;

    /// <summary>
    /// The same call through AddTelnyx and IHttpClientFactory, as an ASP.NET Core app would make it, with webhook
    /// de-duplication in Redis registered (it connects on the first webhook, so no Redis is needed to run the call).
    /// </summary>
    public const string DependencyInjectionProgram = """
        using Microsoft.Extensions.DependencyInjection;
        using Telnyx.Generated;

        var services = new ServiceCollection();
        services.AddTelnyx(o => { o.BaseUrl = new Uri(args[0]); o.ApiKey = args[1]; });
        services.AddTelnyxRedis("127.0.0.1:6379", o => o.KeyPrefix = "consumer:");
        await using var provider = services.BuildServiceProvider();
        var telnyx = provider.GetRequiredService<ITelnyxClient>();
        var response = await telnyx.Calls.Actions.UpdateClientStateAsync(args[2], new UpdateClientStateRequest { ClientState = "Y29uc3VtZXI=" });
        Console.WriteLine("result=" + response.Data?.Result);
        """;

    /// <summary>Adds the local feed to the machine's own sources (which still supply Newtonsoft.Json and friends).</summary>
    public static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="telnyx-local" value="{feed}" />
          </packageSources>
        </configuration>
        """;
}
