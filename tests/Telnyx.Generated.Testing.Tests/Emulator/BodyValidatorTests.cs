using System.Net.Http.Headers;
using System.Text;
using NSwag;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>
/// What the emulator enforces beyond today's spec: patterns, lengths and formats a spec may declare, checked against a
/// small schema of that shape and worded in Telnyx's codes.
/// </summary>
public class BodyValidatorTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /calls/{id}/actions/probe:
            post:
              operationId: Probe
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Probe' }
              responses: { '200': { description: ok } }
        components:
          schemas:
            Probe:
              type: object
              required: [code]
              properties:
                code: { type: string, pattern: '^[0-9]{4}$' }
                name: { type: string, minLength: 2, maxLength: 5 }
                tags: { type: array, maxItems: 1, items: { type: string } }
                at: { type: string, format: date-time }
                id: { type: string, format: uuid }
                site: { type: string, format: uri }
        """;

    private static readonly NJsonSchema.JsonSchema Probe =
        OpenApiYamlDocument.FromYamlAsync(Spec).GetAwaiter().GetResult().Components.Schemas["Probe"];

    [TestCase("""{"code":"12a4"}""", "10015", "/code", "The value must match the pattern ^[0-9]{4}$.", TestName = "A_pattern_mismatch_is_10015")]
    [TestCase("""{"code":"1234","name":"a"}""", "10033", "/name", "The length is outside of allowed range 2 to 5", TestName = "A_string_shorter_than_minLength_is_10033")]
    [TestCase("""{"code":"1234","name":"abcdef"}""", "10033", "/name", "The length is outside of allowed range 2 to 5", TestName = "A_string_longer_than_maxLength_is_10033")]
    [TestCase("""{"code":"1234","tags":["a","b"]}""", "10033", "/tags", "The number of items is outside of allowed range 0 to 1", TestName = "Too_many_items_is_10033")]
    [TestCase("""{"code":"1234","at":"yesterday"}""", "10015", "/at", "The value must be a valid date-time.", TestName = "A_bad_date_time_is_10015")]
    [TestCase("""{"code":"1234","id":"not-a-uuid"}""", "10015", "/id", "The value must be a valid uuid.", TestName = "A_bad_uuid_is_10015")]
    [TestCase("""{"code":"1234","site":"no scheme"}""", "10015", "/site", "The value must be a valid uri.", TestName = "A_bad_uri_is_10015")]
    [TestCase("""{"code":"  "}""", "10004", "/code", "The 'code' parameter is required and cannot be blank.", TestName = "A_blank_required_string_is_missing_10004")]
    [TestCase("""{"code":null}""", "10004", "/code", "The 'code' parameter is required and cannot be blank.", TestName = "An_explicit_null_is_not_set_10004")]
    [TestCase("""{"code":1234}""", "10015", "/code", "The value must be a string.", TestName = "A_wrong_type_is_10015")]
    public void A_violation_is_reported_once_in_Telnyx_terms(string body, string code, string pointer, string detail)
    {
        var errors = BodyValidator.Validate(Probe, BodyValidator.Parse(body));

        Assert.That(errors, Is.EqualTo(new[] { new EmulatorError(code, errors.Single().Title, detail, pointer) }));
    }

    [TestCase("[]")]
    [TestCase("5")]
    [TestCase("null")]
    public void A_body_that_is_not_an_object_is_10015_at_the_root(string body)
    {
        var errors = BodyValidator.Validate(Probe, BodyValidator.Parse(body));

        Assert.That(errors, Has.Some.EqualTo(new EmulatorError("10015", "Invalid value", "The value must be an object.", "/")));
    }

    [Test]
    public void A_body_within_every_rule_with_unknown_properties_passes()
    {
        var body = """{"code":"1234","name":"ab","tags":["a"],"at":"2024-01-01T00:00:00Z","id":"891510ac-f3e4-11e8-af5b-de00688a4901","site":"https://example.com","extra":{"x":1},"name2":null}""";

        Assert.That(BodyValidator.Validate(Probe, BodyValidator.Parse(body)), Is.Empty);
    }

    [TestCase("{\"digits\":")]
    [TestCase("{\"digits\":\"1\"} trailing")]
    [TestCase("not json")]
    public async Task Malformed_json_gets_400_not_a_validation_error(string body)
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUrl, $"calls/{Uri.EscapeDataString(emulator.CreateCall())}/actions/send_dtmf"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);

        using var response = await http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"code\":\"10015\"").And.Contain("not valid JSON"));
    }
}
