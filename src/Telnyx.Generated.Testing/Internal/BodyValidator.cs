using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// Checks a request body against its spec schema with NJsonSchema's validator and words each violation as Telnyx does:
/// <c>10004</c> missing, <c>10032</c> not in the enum, <c>10033</c> outside a range or length, <c>10015</c> wrong type,
/// pattern or format, each with a JSON pointer to the value.
/// </summary>
internal static class BodyValidator
{
    // Built once: JsonSchema.Validate builds a validator (and its map of format validators) per call, which cost more
    // than validating a command's body. Validating keeps no state in it, so commands share it.
    private static readonly JsonSchemaValidator Validator = new(new JsonSchemaValidatorSettings());

    /// <summary>Reads JSON as the validator needs it: dates stay strings, so a string schema sees a string.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>
    /// The body's violations, one per offending value. As at Telnyx, unknown properties are ignored (the schemas allow
    /// them), an explicit null means "not set", and a required string may not be blank.
    /// </summary>
    public static IReadOnlyList<EmulatorError> Validate(JsonSchema schema, JToken body)
    {
        var given = Without(body, t => t.Type == JTokenType.Null);
        var errors = Flatten(Validator.Validate(given, schema)).ToList();

        // Requiredness is checked again with blank strings left out, only when there are any: validating costs ~20 us.
        var unblanked = Without(given, t => t.Type == JTokenType.String && string.IsNullOrWhiteSpace((string?)t));
        var missing = ReferenceEquals(unblanked, given) ? errors : Flatten(Validator.Validate(unblanked, schema));
        return [.. missing.Where(e => e.Kind == ValidationErrorKind.PropertyRequired)
            .Concat(errors.Where(e => e.Kind != ValidationErrorKind.PropertyRequired))
            .Select(ToTelnyx).DistinctBy(e => e.Pointer)];
    }

    private static EmulatorError ToTelnyx(ValidationError error)
    {
        var schema = error.Schema;
        var at = Pointer(error.Token);
        var pointer = at.Length == 0 ? "/" : at;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired =>
                new("10004", "Missing required parameter", $"The '{error.Property}' parameter is required and cannot be blank.", $"{at}/{Escape(error.Property)}"),
            ValidationErrorKind.NotInEnumeration =>
                new("10032", "Invalid enumerated value", $"The value must be one of: {string.Join(", ", schema.Enumeration)}.", pointer),
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig =>
                OutOfRange("The value is outside of allowed range", schema.Minimum, schema.Maximum, pointer),
            ValidationErrorKind.StringTooShort or ValidationErrorKind.StringTooLong =>
                OutOfRange("The length is outside of allowed range", schema.MinLength, schema.MaxLength, pointer),
            ValidationErrorKind.TooFewItems or ValidationErrorKind.TooManyItems =>
                OutOfRange("The number of items is outside of allowed range", schema.MinItems, schema.MaxItems, pointer),
            ValidationErrorKind.PatternMismatch =>
                new("10015", "Invalid value", $"The value must match the pattern {schema.Pattern}.", pointer),
            _ => new("10015", "Invalid value", $"The value must be {Expected(error.Kind, schema)}.", pointer),
        };
    }

    // A range as Telnyx words it: 0 to 100, -inf or inf for no bound (the CLI's --help words it the same way).
    private static string Range(decimal? minimum, decimal? maximum) => $"{Bound(minimum, "-inf")} to {Bound(maximum, "inf")}";

    private static EmulatorError OutOfRange(string what, decimal? minimum, decimal? maximum, string pointer) =>
        new("10033", "Value outside of range", $"{what} {Range(minimum, maximum)}", pointer);

    private static string Bound(decimal? bound, string none) => ((double?)bound)?.ToString(CultureInfo.InvariantCulture) ?? none;

    private static string Expected(ValidationErrorKind kind, JsonSchema schema) => kind switch
    {
        ValidationErrorKind.StringExpected => "a string",
        ValidationErrorKind.IntegerExpected => "an integer",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.BooleanExpected => "true or false",
        ValidationErrorKind.ObjectExpected => "an object",
        ValidationErrorKind.ArrayExpected => "an array",
        _ when schema.Format is { } format => $"a valid {format}",
        _ => "valid",
    };

    // allOf wrappers and array items report their violations as children; Telnyx reports the violations themselves.
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError { Errors.Count: > 0 } parent ? Flatten(parent.Errors.Values.SelectMany(v => v)) : [e]);

    // The body without the object properties whose value is unset; the body itself when it has none.
    private static JToken Without(JToken token, Func<JToken, bool> unset) =>
        token is JContainer container && container.Descendants().OfType<JProperty>().Any(p => unset(p.Value)) ? Copy(token, unset) : token;

    private static JToken Copy(JToken token, Func<JToken, bool> unset) => token switch
    {
        JObject o => new JObject(o.Properties().Where(p => !unset(p.Value)).Select(p => new JProperty(p.Name, Copy(p.Value, unset)))),
        JArray a => new JArray(a.Select(item => Copy(item, unset))),
        _ => token,
    };

    private static string Pointer(JToken? token) => token?.Parent switch
    {
        JProperty property => $"{Pointer(property.Parent)}/{Escape(property.Name)}",
        JArray array => $"{Pointer(array)}/{array.IndexOf(token)}",
        _ => string.Empty,
    };

    private static string Escape(string? name) => (name ?? string.Empty).Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
