using System.Xml.Linq;
using Telnyx.Generated.Tests.Actions;

namespace Telnyx.Generated.Tests.Contract;

/// <summary>
/// What IntelliSense shows for each operation of the spec (generator/templates/Client.Method.Documentation.liquid):
/// everything the method really throws, never NSwag's "A server side error occurred.".
/// </summary>
public class OperationDocsTests
{
    private static readonly XDocument Docs = XDocument.Load(Path.ChangeExtension(typeof(ICallActionsClient).Assembly.Location, ".xml"));

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public void Each_action_documents_every_exception_it_throws_and_what_the_status_codes_mean(CallAction action)
    {
        var member = Docs.Descendants("member").SingleOrDefault(m => ((string?)m.Attribute("name"))?.StartsWith($"M:Telnyx.Generated.ICallActionsClient.{action.OperationId}Async(", StringComparison.Ordinal) == true);
        Assert.That(member, Is.Not.Null, $"ICallActionsClient.{action.OperationId}Async has XML docs");

        var exceptions = member!.Elements("exception").ToDictionary(e => (string)e.Attribute("cref")!, e => string.Join(" ", e.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

        Assert.That(exceptions.Keys, Is.EquivalentTo(new[]
        {
            "T:Telnyx.Generated.TelnyxApiException",
            "T:Telnyx.Generated.TelnyxRateLimitException",
            "T:Telnyx.Generated.TelnyxAuthenticationException",
            "T:Telnyx.Generated.TelnyxConnectionException",
            "T:Telnyx.Generated.TelnyxTimeoutException",
            "T:System.ArgumentException",
            "T:System.OperationCanceledException",
        }));
        Assert.That(exceptions.Values, Has.None.Contains("A server side error occurred"));
        Assert.That(exceptions["T:Telnyx.Generated.TelnyxApiException"], Does.Contain("422: the body is invalid or the call cannot take the command").And.Contain("90018 call has already ended").And.Contain("5xx"));
        Assert.That(exceptions["T:Telnyx.Generated.TelnyxRateLimitException"], Does.StartWith("429"));
        Assert.That(exceptions["T:Telnyx.Generated.TelnyxAuthenticationException"], Does.StartWith("401 or 403"));
    }
}
