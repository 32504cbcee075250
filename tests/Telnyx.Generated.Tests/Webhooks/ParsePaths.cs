using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>Runs a body through the fast and the Newtonsoft (slow) parse paths and compares what each gives.</summary>
internal static class ParsePaths
{
    // Nulls included and dates written with their offset, so two models only describe alike when every field is equal.
    private static readonly JsonSerializerSettings Snapshot = new()
    {
        NullValueHandling = NullValueHandling.Include,
        DateFormatString = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.fffffffzzz",
        Culture = CultureInfo.InvariantCulture,
    };

    /// <summary>The result (runtime type, every field, the convenience members) or the exception (type and messages).</summary>
    public static string Describe(Func<object> parse)
    {
        object result;
        try
        {
            result = parse();
        }
        catch (Exception ex)
        {
            return $"threw {ex.GetType().FullName}: {ex.Message} | inner {ex.InnerException?.GetType().FullName}: {ex.InnerException?.Message}";
        }

        string common = result is TelnyxWebhookEvent evt
            ? string.Create(CultureInfo.InvariantCulture, $"{evt.EventType}|{evt.Id}|{evt.OccurredAt:o}|{evt.RecordType}|{(evt as UnknownTelnyxWebhookEvent)?.RawJson}")
            : string.Empty;
        var extensionData = new StringBuilder();
        DescribeExtensionData(result, "$", extensionData, 0);
        return $"{result.GetType().FullName} {common} {JsonConvert.SerializeObject(result, Snapshot)} extension data:{extensionData}";
    }

    /// <summary>
    /// Every AdditionalProperties entry in the model graph with the runtime type of its value, which the JSON snapshot
    /// cannot tell apart (a boxed long and a boxed int, a bool and the string "true" written alike would not be).
    /// </summary>
    private static void DescribeExtensionData(object? model, string path, StringBuilder into, int depth)
    {
        if (model is null || depth > 8 || model.GetType().Namespace?.StartsWith("Telnyx.Generated", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in model.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            object? value = property.GetValue(model);
            if (property.Name == "AdditionalProperties" && value is IDictionary<string, object?> entries)
            {
                foreach (var (name, entry) in entries)
                {
                    into.Append(CultureInfo.InvariantCulture, $" {path}[{name}]={entry?.GetType().FullName ?? "null"}:{Convert.ToString(entry, CultureInfo.InvariantCulture)}");
                }
            }
            else if (value is not null && !property.PropertyType.IsValueType && property.PropertyType != typeof(string))
            {
                DescribeExtensionData(value, path + "." + property.Name, into, depth + 1);
            }
        }
    }

    /// <summary>Whether <see cref="TelnyxWebhookParser.TryParseFast"/> accepts the body's UTF-8 (as Parse(bytes) sees it, BOM removed).</summary>
    public static bool FastAccepts(byte[] body, out TelnyxWebhookEvent? evt)
    {
        ReadOnlySpan<byte> span = body;
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[3..];
        }

        return TelnyxWebhookParser.TryParseFast(span, out evt);
    }

    /// <summary>
    /// Parse(bytes) and Parse(string) give exactly what the slow path gives; when the fast path accepts, its model is
    /// the slow path's. Returns whether the fast path accepted the bytes.
    /// </summary>
    public static bool AssertAgree(byte[] bytes, string? text, string label)
    {
        string slow = Describe(() => TelnyxWebhookParser.Parse(bytes, fastPath: false));
        Assert.That(Describe(() => TelnyxWebhookParser.Parse(bytes)), Is.EqualTo(slow), $"Parse(bytes) differs from the slow path for {label}");
        bool fast = FastAccepts(bytes, out var evt);
        if (fast)
        {
            Assert.That(Describe(() => evt!), Is.EqualTo(slow), $"the fast path's model differs from the slow path's for {label}");
        }

        if (text is not null)
        {
            string slowText = Describe(() => TelnyxWebhookParser.Parse(text, fastPath: false));
            Assert.That(Describe(() => TelnyxWebhookParser.Parse(text)), Is.EqualTo(slowText), $"Parse(string) differs from the slow path for {label}");
        }

        return fast;
    }

    public static bool AssertAgree(string body) => AssertAgree(Encoding.UTF8.GetBytes(body), body, body);
}
