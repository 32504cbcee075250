using Telnyx.Generated.Testing.Tests.Support;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>TelnyxEmulator.Operations: what tools (the CLI) learn from the emulator is what the emulator enforces.</summary>
public class EmulatedOperationTests
{
    [Test]
    public void Every_operations_example_body_passes_its_own_validation()
    {
        Assert.That(TelnyxEmulator.Operations, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var operation in TelnyxEmulator.Operations)
            {
                Assert.That(operation.Validate(operation.ExampleBody().ToJsonString()), Is.Empty, operation.ToString());
            }
        });
    }

    [Test]
    public async Task Validate_finds_the_errors_the_emulator_answers_422_with()
    {
        await using var f = await EmulatorFixture.StartAsync(configureClient: o => o.MaxRetries = 0);
        var body = new SendDtmfRequest { Digits = " " };
        var sendDtmf = TelnyxEmulator.Operations.Single(o => o.OperationId == nameof(ICallActionsClient.SendDtmfAsync)[..^"Async".Length]);

        var answered = await Assert.ThrowsAsync<TelnyxApiException>(() => f.Actions.SendDtmfAsync(f.Emulator.CreateCall(), body));
        var found = sendDtmf.Validate(f.Emulator.Commands.Single().Body);

        Assert.That(found, Is.Not.Empty);
        Assert.That(found.Select(e => (e.Code, e.Title, e.Detail, e.Pointer)), Is.EqualTo(answered!.Errors.Select(e => (e.Code, e.Title, e.Detail, e.Source?.Pointer))));
    }

    [Test]
    public void Validate_refuses_text_that_is_not_JSON_with_an_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => TelnyxEmulator.Operations[0].Validate("{not json"));

        Assert.That(error!.Message, Does.StartWith("The body is not valid JSON"));
    }

    [Test]
    public void ExampleBody_is_a_fresh_copy_each_time()
    {
        var operation = TelnyxEmulator.Operations.First(o => o.ExampleBody().Count > 0);
        var first = operation.ExampleBody();
        first.Clear();

        Assert.That(operation.ExampleBody(), Is.Not.Empty);
    }
}
