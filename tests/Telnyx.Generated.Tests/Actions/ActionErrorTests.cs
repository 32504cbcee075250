using System.Net;

namespace Telnyx.Generated.Tests.Actions;

/// <summary>Non-2xx answers become TelnyxApiException (or its subclass) with the status and Telnyx's parsed errors.</summary>
public class ActionErrorTests
{
    private const string TelnyxErrors = """
        {"errors":[{"code":"90018","title":"Call has already ended","detail":"This call is no longer active and can't receive commands.",
                    "source":{"pointer":"/call_control_id","parameter":"id"},"meta":{"url":"https://developers.telnyx.com/docs/overview/errors/90018"}},
                   {"code":"10004","title":"Missing required parameter"}]}
        """;

    public static IEnumerable<TestCaseData> Statuses()
    {
        var statuses = new (int Status, Type Exception)[]
        {
            (401, typeof(TelnyxAuthenticationException)),
            (403, typeof(TelnyxAuthenticationException)),
            (404, typeof(TelnyxApiException)),
            (422, typeof(TelnyxApiException)),
            (429, typeof(TelnyxRateLimitException)),
            (500, typeof(TelnyxApiException)),
        };
        return CallAction.All.SelectMany(a => statuses.Select(s => new TestCaseData(a, s.Status, s.Exception).SetArgDisplayNames(a.Path, s.Status.ToString())));
    }

    [TestCaseSource(nameof(Statuses))]
    public async Task Error_status_gives_the_typed_exception_with_parsed_errors(CallAction action, int status, Type expected)
    {
        using var telnyx = new RecordingTelnyx((HttpStatusCode)status, TelnyxErrors);

        var ex = await CatchAsync(() => action.InvokeAsync(telnyx.Actions, "v3:id", action.Full()));

        Assert.That(ex, Is.InstanceOf(expected).And.InstanceOf<TelnyxApiException>());
        Assert.That(ex!.GetType(), Is.EqualTo(expected), "the most specific type");
        var api = (TelnyxApiException)ex;
        Assert.That(api.StatusCode, Is.EqualTo(status));
        Assert.That(api.ResponseBody, Is.EqualTo(TelnyxErrors));
        Assert.That(api.Errors, Has.Count.EqualTo(2));
        var first = api.Errors[0];
        Assert.That(first.Code, Is.EqualTo("90018"));
        Assert.That(first.Title, Is.EqualTo("Call has already ended"));
        Assert.That(first.Detail, Is.EqualTo("This call is no longer active and can't receive commands."));
        Assert.That(first.Source?.Pointer, Is.EqualTo("/call_control_id"));
        Assert.That(first.Source?.Parameter, Is.EqualTo("id"));
        Assert.That(first.Meta, Is.Not.Null);
        Assert.That(api.Errors[1].Code, Is.EqualTo("10004"));
        Assert.That(api.Errors[1].Detail, Is.Null);
        Assert.That(api.Message, Does.Not.Contain(RecordingTelnyx.ApiKey));
        Assert.That(api.ToString(), Does.Not.Contain(RecordingTelnyx.ApiKey));
        Assert.That(telnyx.Requests, Has.Count.EqualTo(1), "MaxRetries = 0: one attempt");
    }

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public async Task Non_json_502_gives_TelnyxApiException_with_the_raw_body_and_no_errors(CallAction action)
    {
        const string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        using var telnyx = new RecordingTelnyx(HttpStatusCode.BadGateway, html, "text/html");

        var ex = await CatchAsync(() => action.InvokeAsync(telnyx.Actions, "v3:id", action.Full()));

        Assert.That(ex, Is.TypeOf<TelnyxApiException>(), "never a JSON exception");
        var api = (TelnyxApiException)ex!;
        Assert.That(api.StatusCode, Is.EqualTo(502));
        Assert.That(api.Errors, Is.Empty);
        Assert.That(api.ResponseBody, Is.EqualTo(html));
        Assert.That(api.InnerException, Is.Not.InstanceOf<Newtonsoft.Json.JsonException>());
    }

    [TestCase("")]
    [TestCase("{\"errors\":")]
    [TestCase("{\"errors\":\"not a list\"}")]
    [TestCase("[1,2]")]
    public async Task Error_body_of_another_shape_still_gives_the_status(string body)
    {
        using var telnyx = new RecordingTelnyx(HttpStatusCode.UnprocessableEntity, body);

        var ex = await CatchAsync(() => telnyx.Actions.ReferAsync("v3:id", new ReferRequest { SipAddress = "sip:a@b.c" }));

        Assert.That(ex, Is.TypeOf<TelnyxApiException>());
        Assert.That(((TelnyxApiException)ex!).StatusCode, Is.EqualTo(422));
        Assert.That(((TelnyxApiException)ex).Errors, Is.Empty);
    }

    internal static async Task<Exception?> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
