using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Telnyx.Generated.Webhooks;

// How WebhookFastReader fills one model type, derived from the same Newtonsoft contract the slow path deserialises
// with (so the [JsonProperty] names the generator writes are the only source of the mapping and cannot drift). A type
// gets a plan only when every member is a kind the fast reader handles exactly as Newtonsoft would; anything else
// (enums, arrays, dictionaries, converters, callbacks, non-default handling settings, constructor parameters) gives
// it no plan, and such a type always takes the slow path.

/// <summary>What the fast reader accepts for one property.</summary>
internal enum WebhookReadKind
{
    String,
    Int32,
    NullableInt32,
    DateTimeOffset,
    NullableDateTimeOffset,
    Object,
}

/// <summary>One property of a <see cref="WebhookObjectPlan"/>.</summary>
internal sealed class WebhookPropertyPlan(byte[] utf8Name, WebhookReadKind kind, bool ignoreNull, IValueProvider setter, WebhookObjectPlan? nested)
{
    public byte[] Utf8Name { get; } = utf8Name;

    public WebhookReadKind Kind { get; } = kind;

    /// <summary>A JSON null leaves the property untouched (Newtonsoft's <see cref="NullValueHandling.Ignore"/>).</summary>
    public bool IgnoreNull { get; } = ignoreNull;

    public IValueProvider Setter { get; } = setter;

    /// <summary>The plan of the nested model, for <see cref="WebhookReadKind.Object"/>.</summary>
    public WebhookObjectPlan? Nested { get; } = nested;
}

/// <summary>How to build and fill one model type.</summary>
internal sealed class WebhookObjectPlan(Type type, Func<object> create, WebhookPropertyPlan[] properties, string[] contractNames, ExtensionDataSetter? extensionData)
{
    // Seen properties are tracked in a 64-bit mask, so a type with more gets no plan.
    public const int MaxProperties = 64;

    private static readonly ConcurrentDictionary<Type, WebhookObjectPlan?> Cache = new();

    public Type Type { get; } = type;

    public Func<object> Create { get; } = create;

    public WebhookPropertyPlan[] Properties { get; } = properties;

    /// <summary>
    /// Every property name in the contract, ignored members included: Newtonsoft matches a body's name to these
    /// ignoring case, so an unplanned name equal to one of them ignoring case is not extension data for the reader.
    /// </summary>
    public string[] ContractNames { get; } = contractNames;

    /// <summary>
    /// The contract's own extension data setter, when unknown scalars can be stored through it exactly as Newtonsoft
    /// stores them (an <c>object</c>-valued, non-JToken extension data member and unknown members ignored); else null
    /// and any unknown name makes the reader decline.
    /// </summary>
    public ExtensionDataSetter? ExtensionData { get; } = extensionData;

    /// <summary>The plan for <paramref name="type"/> under the response settings, or null when the type must take the slow path.</summary>
    public static WebhookObjectPlan? For(Type type) => Cache.GetOrAdd(type, static t => Build(t, TelnyxJson.ResponseSettings));

    /// <summary>Builds a plan under <paramref name="settings"/>; null when anything in the type graph is unsupported.</summary>
    internal static WebhookObjectPlan? Build(Type type, JsonSerializerSettings settings)
    {
        try
        {
            return SettingsSupported(settings) ? Build(type, settings, []) : null;
        }
        catch (Exception)
        {
            // Plan building only reads metadata; should anything in it throw, the type simply takes the slow path.
            return null;
        }
    }

    /// <summary>The index of the property whose JSON name is exactly the reader's current property name, or -1.</summary>
    public int IndexOf(ref System.Text.Json.Utf8JsonReader reader)
    {
        var properties = Properties;
        if (!reader.ValueIsEscaped)
        {
            var name = reader.ValueSpan;
            for (int i = 0; i < properties.Length; i++)
            {
                if (name.SequenceEqual(properties[i].Utf8Name))
                {
                    return i;
                }
            }

            return -1;
        }

        for (int i = 0; i < properties.Length; i++)
        {
            if (reader.ValueTextEquals(properties[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether Newtonsoft would match <paramref name="name"/> to a contract property (its fallback ignores case).</summary>
    public bool MatchesContractName(string name)
    {
        foreach (string candidate in ContractNames)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Settings the serializer applies to every type: anything but the defaults the fast reader mirrors gives no plan.
    private static bool SettingsSupported(JsonSerializerSettings settings)
        => settings.Converters.Count == 0
            && settings.ContractResolver is not null
            && settings.TypeNameHandling == TypeNameHandling.None
            && settings.PreserveReferencesHandling == PreserveReferencesHandling.None
            && settings.MetadataPropertyHandling == MetadataPropertyHandling.Default
            && settings.ReferenceResolverProvider is null
            && settings.Error is null
            && settings.ObjectCreationHandling == ObjectCreationHandling.Auto
            && settings.DefaultValueHandling == DefaultValueHandling.Include
            && settings.ConstructorHandling == ConstructorHandling.Default
            && settings.MaxDepth is null or >= 64
            && Equals(settings.Culture, CultureInfo.InvariantCulture);

    private static WebhookObjectPlan? Build(Type type, JsonSerializerSettings settings, HashSet<Type> inProgress)
    {
        if (!inProgress.Add(type))
        {
            // A model that contains itself: not worth supporting.
            return null;
        }

        try
        {
            if (settings.ContractResolver!.ResolveContract(type) is not JsonObjectContract contract
                || !ContractSupported(contract)
                || contract.DefaultCreator is null)
            {
                return null;
            }

            var create = contract.DefaultCreator;
            object sample = create();
            var properties = new List<WebhookPropertyPlan>();
            foreach (var property in contract.Properties)
            {
                if (property.Ignored)
                {
                    // An ignored member is not read; its name in a body is treated as unknown, so the fast path gives up.
                    continue;
                }

                var plan = BuildProperty(contract, property, settings, sample, inProgress);
                if (plan is null)
                {
                    return null;
                }

                properties.Add(plan);
            }

            if (properties.Count > MaxProperties)
            {
                return null;
            }

            string[] names = [.. contract.Properties.Select(p => p.PropertyName).OfType<string>()];
            return new WebhookObjectPlan(type, create, [.. properties], names, ExtensionDataFor(contract, settings));
        }
        finally
        {
            inProgress.Remove(type);
        }
    }

    // Newtonsoft reads an unknown member's value with CreateValueInternal(reader, objectType: null, ...) unless the
    // extension data is JToken-valued (then JToken.ReadFrom), and passes the name as read to ExtensionDataSetter
    // (ExtensionDataNameResolver only renames on writing). A null object type keeps the reader's value as it is, which
    // the reader mirrors only for an object-valued dictionary.
    private static ExtensionDataSetter? ExtensionDataFor(JsonObjectContract contract, JsonSerializerSettings settings)
        // (ExtensionDataIsJToken is internal; Newtonsoft sets it from ExtensionDataValueType, false for object.)
        => contract.ExtensionDataValueType == typeof(object)
            && (contract.MissingMemberHandling ?? settings.MissingMemberHandling) == MissingMemberHandling.Ignore
                ? contract.ExtensionDataSetter
                : null;

    private static bool ContractSupported(JsonObjectContract contract)
        => contract.Converter is null
            && contract.OnDeserializingCallbacks.Count == 0
            && contract.OnDeserializedCallbacks.Count == 0
            && contract.OnErrorCallbacks.Count == 0
            && contract.OverrideCreator is null
            && contract.CreatorParameters.Count == 0
            && !contract.DefaultCreatorNonPublic
            && contract.IsReference is null or false
            && contract.ItemIsReference is null
            && contract.ItemTypeNameHandling is null
            && contract.ItemConverter is null
            && contract.MemberSerialization != MemberSerialization.Fields
            && contract.CreatedType == contract.UnderlyingType;

    private static WebhookPropertyPlan? BuildProperty(JsonObjectContract owner, JsonProperty property, JsonSerializerSettings settings, object sample, HashSet<Type> inProgress)
    {
        string? name = property.PropertyName;
        Required required = property.IsRequiredSpecified ? property.Required : owner.ItemRequired ?? Required.Default;
        if (name is null
            || name.StartsWith('$') // "$id", "$ref", "$type" are Newtonsoft metadata, not properties
            || property.PropertyType is null
            || property.ValueProvider is null
            || !property.Writable
            || property.Converter is not null
            || property.ItemConverter is not null
            || property.ShouldDeserialize is not null
            || property.SetIsSpecified is not null
            || property.IsReference is not null
            || property.TypeNameHandling is not null
            || property.ItemIsReference is not null
            || property.ItemTypeNameHandling is not null
            || property.ItemReferenceLoopHandling is not null
            || required != Required.Default
            || (property.DefaultValueHandling ?? settings.DefaultValueHandling) != DefaultValueHandling.Include)
        {
            return null;
        }

        var nullHandling = property.NullValueHandling ?? owner.ItemNullValueHandling ?? settings.NullValueHandling;
        var setter = property.ValueProvider;
        byte[] utf8Name = Encoding.UTF8.GetBytes(name);
        Type type = property.PropertyType;

        // Only types whose own contract is the plain primitive one: no converter attached to the type itself.
        if (type != typeof(string) && type != typeof(int) && type != typeof(int?) && type != typeof(DateTimeOffset) && type != typeof(DateTimeOffset?))
        {
            var creation = property.ObjectCreationHandling ?? settings.ObjectCreationHandling;

            // Newtonsoft fills an existing nested instance in place instead of replacing it; only a property that
            // starts out null (as every generated one does) reads the same as a fresh instance.
            if (type == typeof(object) || !type.IsClass || type.IsAbstract
                || creation == ObjectCreationHandling.Reuse || !property.Readable || setter.GetValue(sample) is not null)
            {
                return null;
            }

            var nested = Build(type, settings, inProgress);
            return nested is null ? null : new WebhookPropertyPlan(utf8Name, WebhookReadKind.Object, nullHandling == NullValueHandling.Ignore, setter, nested);
        }

        if (settings.ContractResolver!.ResolveContract(type).Converter is not null)
        {
            return null;
        }

        var kind = type == typeof(string) ? WebhookReadKind.String
            : type == typeof(int) ? WebhookReadKind.Int32
            : type == typeof(int?) ? WebhookReadKind.NullableInt32
            : type == typeof(DateTimeOffset) ? WebhookReadKind.DateTimeOffset
            : WebhookReadKind.NullableDateTimeOffset;
        return new WebhookPropertyPlan(utf8Name, kind, nullHandling == NullValueHandling.Ignore, setter, null);
    }
}
