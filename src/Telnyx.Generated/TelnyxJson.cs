using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Telnyx.Generated;

/// <summary>The JSON rules shared by every generated model, for requests, responses and webhooks.</summary>
internal static class TelnyxJson
{
    // One resolver for all settings, because Newtonsoft caches contracts per resolver instance. It must stay above the
    // settings: static fields initialise in textual order, and the settings read it.
    private static readonly IContractResolver Resolver = new LenientContractResolver();

    /// <summary>Settings for reading anything Telnyx sends (responses, errors, webhooks).</summary>
    public static readonly JsonSerializerSettings ResponseSettings = Configure(new JsonSerializerSettings(), isRequest: false);

    /// <summary>Settings for writing request bodies.</summary>
    public static readonly JsonSerializerSettings RequestSettings = Configure(new JsonSerializerSettings(), isRequest: true);

    public static JsonSerializerSettings Configure(JsonSerializerSettings settings, bool isRequest)
    {
        settings.ContractResolver = Resolver;
        settings.DateParseHandling = DateParseHandling.None;
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        if (isRequest)
        {
            // An unset field is omitted, never sent as null, 0 or false.
            settings.NullValueHandling = NullValueHandling.Ignore;
        }

        return settings;
    }

    /// <summary>
    /// Keeps the spec's <c>required</c> as documentation on the generated attributes, but never enforces it while
    /// (de)serialising: a request missing a required field reaches Telnyx, which answers 422 with the field named
    /// (the client does not re-implement the service's validation), and a response or webhook missing a field Telnyx
    /// calls required still parses instead of throwing.
    /// </summary>
    private sealed class LenientContractResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            property.Required = Required.Default;
            return property;
        }
    }
}
