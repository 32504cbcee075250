using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.AspNetCore.Tests.DependencyInjection;

/// <summary>The README promises that the library's logs never carry a call control id: every line a command writes, read back.</summary>
public class ClientLoggingTests
{
    [Test]
    public async Task A_command_through_AddTelnyx_logs_its_attempt_and_no_call_control_id_at_any_level()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddTelnyx(o =>
        {
            o.ApiKey = emulator.ApiKey;
            o.BaseUrl = emulator.BaseUrl;
        });
        await using var provider = services.BuildServiceProvider();
        var call = emulator.CreateCall();

        await provider.GetRequiredService<ITelnyxClient>().Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" });

        var records = provider.GetFakeLogCollector().GetSnapshot();
        Assert.That(records.Select(r => r.Category), Does.Contain(typeof(TelnyxClient).FullName), "the Telnyx pipeline's line per attempt is logged");
        string[] forms = [call, Uri.EscapeDataString(call)];
        foreach (var record in records)
        {
            var written = Strings(record).ToList();
            Assert.That(written.Where(s => forms.Any(id => s.Contains(id, StringComparison.Ordinal))), Is.Empty, $"{record.Category} logged the call control id: {record.Message}");
        }
    }

    // What a log provider can write: the message, every structured value, every scope (and its values), the exception.
    private static IEnumerable<string> Strings(FakeLogRecord record)
    {
        yield return record.Message;
        yield return record.Exception?.ToString() ?? "";
        foreach (var (key, value) in record.StructuredState ?? [])
        {
            yield return key + "=" + value;
        }

        foreach (var scope in record.Scopes)
        {
            yield return scope?.ToString() ?? "";
            if (scope is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    yield return key + "=" + value;
                }
            }
        }
    }
}
