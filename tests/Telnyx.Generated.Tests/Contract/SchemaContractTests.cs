using System.CodeDom.Compiler;
using System.Reflection;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Tests.Contract;

/// <summary>Every component schema of spec/ against the type NSwag generated for it: one test case per schema.</summary>
public class SchemaContractTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static IEnumerable<TestCaseData> ObjectSchemas() =>
        SpecFile.All.SelectMany(f => f.Schemas.Where(s => !SpecFile.IsEnum(s.Schema))
            .Select(s => new TestCaseData(f.FileName, s.Name).SetArgDisplayNames(f.FileName, s.Name)));

    public static IEnumerable<TestCaseData> EnumSchemas() =>
        SpecFile.All.SelectMany(f => f.Schemas.Where(s => SpecFile.IsEnum(s.Schema))
            .Select(s => new TestCaseData(f.FileName, s.Name).SetArgDisplayNames(f.FileName, s.Name)));

    private static SpecFile File(string fileName) => SpecFile.All.Single(f => f.FileName == fileName);

    [TestCaseSource(nameof(ObjectSchemas))]
    public void Object_schema_is_a_class_with_one_property_per_schema_property(string fileName, string schemaName)
    {
        var spec = File(fileName);
        var schema = spec.Schema(schemaName);
        var type = spec.GeneratedType(schemaName);
        Assert.That((string?)schema["type"], Is.EqualTo("object"), "component schemas are objects or enums");
        Assert.That(type.IsClass, Is.True, $"{type} is a class");
        Assert.That(type.IsAbstract, Is.EqualTo((bool?)schema["x-abstract"] == true), $"{type} is abstract exactly when x-abstract");

        if (SpecFile.BaseSchema(schema) is { } baseName)
        {
            Assert.That(type.BaseType, Is.EqualTo(spec.GeneratedType(baseName)), $"allOf $ref {baseName} is the base class");
        }
        else
        {
            Assert.That(type.BaseType, Is.EqualTo(typeof(object)), "no allOf $ref, no base class");
        }

        var required = SpecFile.Required(schema);
        var expected = SpecFile.OwnProperties(schema).ToDictionary(p => p.Name, p => (JObject)p.Value);
        Assert.That(required, Is.SubsetOf(expected.Keys), "every required name is a property of the schema");
        var actual = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!);
        Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys), $"{type.Name}: JSON names of the generated properties");

        Assert.Multiple(() =>
        {
            foreach (var (jsonName, propertySchema) in expected)
            {
                if (!actual.TryGetValue(jsonName, out var property))
                {
                    continue;
                }

                var where = $"{schemaName}.{jsonName} ({type.Name}.{property.Name})";
                var isRequired = required.Contains(jsonName);
                var clrType = spec.ExpectedClrType(propertySchema, where);
                var declared = property.PropertyType;
                var underlying = Nullable.GetUnderlyingType(declared);
                Assert.That(underlying ?? declared, Is.EqualTo(clrType), $"{where}: CLR type");
                if (clrType.IsValueType)
                {
                    // Required value types too: an unset enum would otherwise be sent as its first member (role "barge").
                    Assert.That(underlying, Is.Not.Null, $"{where}: value types are nullable so an unset field is omitted, never sent as 0/false/first member");
                }
                else
                {
                    var state = Nullability.Create(property).ReadState;
                    Assert.That(state, Is.EqualTo(isRequired ? NullabilityState.NotNull : NullabilityState.Nullable), $"{where}: nullable annotation follows required");
                }

                var attribute = property.GetCustomAttribute<JsonPropertyAttribute>()!;
                Assert.That(attribute.Required, Is.EqualTo(isRequired ? Required.Always : Required.Default), $"{where}: Required");
                // What Telnyx reports in an error is read by users, never built (Class.liquid); every other model is.
                var userSettable = !schemaName.StartsWith("TelnyxError", StringComparison.Ordinal);
                Assert.That(property.CanWrite && property.SetMethod!.IsPublic, Is.EqualTo(userSettable), $"{where}: settable exactly when users build it");
                Assert.That(property.Name, Is.EqualTo(PascalCase(jsonName)), $"{where}: C# name is the PascalCase of the JSON name");
                if (clrType.IsEnum && SpecFile.PropertyRef(propertySchema) is { } enumRef && SpecFile.IsStringEnum(spec.Schema(SpecFile.RefName(enumRef))))
                {
                    Assert.That(property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType, Is.EqualTo(typeof(Newtonsoft.Json.Converters.StringEnumConverter)), $"{where}: enum written as its string");
                }
            }
        });
    }

    [TestCaseSource(nameof(EnumSchemas))]
    public void Enum_schema_is_an_enum_whose_members_serialise_to_the_spec_values(string fileName, string schemaName)
    {
        var spec = File(fileName);
        var schema = spec.Schema(schemaName);
        var type = spec.GeneratedType(schemaName);
        // A string enum is written as its string (EnumMember); an integer enum as its number (the member's value).
        // NSwag leaves a null value (and its name) out of the C# enum.
        var numeric = (string?)schema["type"] == "integer";
        var nonNull = schema["enum"]!.Select((value, i) => (value, i)).Where(v => v.value.Type != JTokenType.Null).ToList();
        var values = nonNull.Select(v => (string?)v.value).ToArray();
        var names = schema["x-enumNames"] is JArray all && all.Count == schema["enum"]!.Count() ? nonNull.Select(v => (string?)all[v.i]).ToArray() : null;
        Assert.That(type.IsEnum, Is.True, $"{type} is an enum");
        Assert.That(names, Is.Not.Null.And.Length.EqualTo(values.Length), "x-enumNames names every member");
        Assert.That(Enum.GetNames(type), Is.EqualTo(names), "member names (and order) from x-enumNames");

        // The generated StringEnumConverter sits on each property that uses the enum, so go through those properties.
        var holders = Holders(spec, schemaName).ToList();
        Assert.That(holders, Is.Not.Empty, $"{schemaName} is used by some property");
        Assert.Multiple(() =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                var member = Enum.Parse(type, names![i]!);
                Assert.That(numeric ? Convert.ToInt64(member, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture) : type.GetField(names[i]!)!.GetCustomAttribute<EnumMemberAttribute>()?.Value,
                    Is.EqualTo(values[i]), $"{type.Name}.{names[i]} {(numeric ? "value" : "EnumMember")}");
                foreach (var (holderType, property) in holders)
                {
                    var where = $"{holderType.Name}.{property.Name} = {type.Name}.{names[i]}";
                    var instance = Activator.CreateInstance(holderType)!;
                    property.SetValue(instance, member);
                    var json = JObject.Parse(JsonConvert.SerializeObject(instance, TelnyxJson.RequestSettings));
                    var jsonName = property.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!;
                    Assert.That(json[jsonName]?.Type, Is.EqualTo(numeric ? JTokenType.Integer : JTokenType.String), where);
                    Assert.That((string?)json[jsonName], Is.EqualTo(values[i]), where);

                    var back = JsonConvert.DeserializeObject(new JObject { [jsonName] = numeric ? long.Parse(values[i]!, System.Globalization.CultureInfo.InvariantCulture) : values[i] }.ToString(), holderType, TelnyxJson.ResponseSettings)!;
                    Assert.That(property.GetValue(back), Is.EqualTo(member), $"{where}: reads back");
                }
            }
        });
    }

    [Test]
    public void Every_generated_model_type_has_a_schema_in_spec()
    {
        var schemaTypes = SpecFile.All.SelectMany(f => f.Schemas.Select(s => $"{f.Namespace}.{s.Name}")).ToHashSet();
        var generated = typeof(TelnyxClient).Assembly.GetExportedTypes()
            .Where(t => t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema")
            .Select(t => t.FullName!)
            .ToList();
        Assert.That(generated, Is.Not.Empty);
        Assert.That(generated, Is.SubsetOf(schemaTypes), "a generated model without a schema (an 'Anonymous' or 'Xxx2') means a name leaked from NSwag");
        Assert.That(schemaTypes, Is.SubsetOf(generated));
    }

    /// <summary>
    /// The generated properties whose schema is a $ref to this enum. A $ref is local to its file, whose schemas NSwag
    /// generates into its own namespace: an imported webhook may have a SipHeaderName of its own beside the actions' one.
    /// </summary>
    private static IEnumerable<(Type Holder, PropertyInfo Property)> Holders(SpecFile file, string enumSchema)
    {
        foreach (var (name, schema) in file.Schemas)
        {
            foreach (var property in SpecFile.OwnProperties(schema))
            {
                if (SpecFile.PropertyRef(property.Value) is { } r && SpecFile.RefName(r) == enumSchema)
                {
                    var holder = file.GeneratedType(name);
                    if (!holder.IsAbstract)
                    {
                        yield return (holder, holder.GetProperty(PascalCase(property.Name))!);
                    }
                }
            }
        }
    }

    private static string PascalCase(string jsonName) =>
        string.Concat(jsonName.Split('_').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
