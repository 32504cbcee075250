using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// What TelnyxWebhookParser must give, rebuilt from plain library calls: strict JSON (System.Text.Json's
/// JsonDocument), the envelope as JObject reads it (the last of duplicate keys wins), and the model from a plain
/// <c>JsonConvert.DeserializeObject</c> with the settings every generated model uses.
/// </summary>
internal static class NewtonsoftOracle
{
    private const string Refused = "refused with TelnyxWebhookParseException";

    // Nulls included and dates written with their offset, so two models only describe alike when every field is equal.
    private static readonly JsonSerializerSettings Snapshot = new()
    {
        NullValueHandling = NullValueHandling.Include,
        DateFormatString = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.fffffffzzz",
        Culture = CultureInfo.InvariantCulture,
    };

    /// <summary>Parse(bytes) and Parse(string) both give what the oracle gives. Returns whether the body parsed to a modelled event.</summary>
    public static bool AssertAgrees(byte[] bytes, string? text, string label)
    {
        string decoded = Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes);
        string expected = Expected(decoded);
        Assert.That(Describe(() => TelnyxWebhookParser.Parse(bytes)), Is.EqualTo(expected), $"Parse(bytes) of {label}");
        if (text is not null)
        {
            Assert.That(Describe(() => TelnyxWebhookParser.Parse(text)), Is.EqualTo(Expected(text)), $"Parse(string) of {label}");
        }

        return expected.StartsWith(typeof(TelnyxWebhookEvent).Namespace + ".Call", StringComparison.Ordinal);
    }

    public static bool AssertAgrees(string body) => AssertAgrees(Encoding.UTF8.GetBytes(body), body, body);

    private static string Expected(string json)
    {
        JObject envelope;
        try
        {
            // Strict JSON, checked on the text's UTF-8 (a lone surrogate becomes U+FFFD), as the parser checks it.
            using var strict = System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
            envelope = JObject.Load(new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None });
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or JsonException or InvalidCastException)
        {
            return Refused;
        }

        if (envelope["data"] is not JObject data || data["event_type"] is not JValue { Type: JTokenType.String } eventType)
        {
            return Refused;
        }

        var known = TelnyxWebhookEventTypes.Known.Where(k => k.EventType == (string)eventType!).Select(k => k.Type).SingleOrDefault();
        return Describe(() =>
        {
            try
            {
                if (known is not null)
                {
                    return JsonConvert.DeserializeObject(json, known, TelnyxJson.ResponseSettings)!;
                }

                var unknown = JsonConvert.DeserializeObject<UnknownTelnyxWebhookEvent.Envelope>(json, TelnyxJson.ResponseSettings)!;
                return new UnknownTelnyxWebhookEvent((string)eventType!, json, unknown.Data?.Id, unknown.Data?.OccurredAt, unknown.Data?.RecordType) { Meta = unknown.Meta };
            }
            catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or InvalidCastException or ArgumentException)
            {
                throw new TelnyxWebhookParseException("oracle", ex);
            }
        });
    }

    /// <summary>The result (runtime type, every field, the convenience members), that it was refused, or the unexpected exception.</summary>
    private static string Describe(Func<object> parse)
    {
        object result;
        try
        {
            result = parse();
        }
        catch (TelnyxWebhookParseException)
        {
            return Refused;
        }
        catch (Exception ex)
        {
            return $"threw {ex.GetType().FullName}: {ex.Message}";
        }

        string common = result is TelnyxWebhookEvent evt
            ? string.Create(CultureInfo.InvariantCulture, $"{evt.EventType}|{evt.Id}|{evt.OccurredAt:o}|{evt.RecordType}|{evt.Payload?.CallControlId}|{(evt as UnknownTelnyxWebhookEvent)?.RawJson}")
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
}
