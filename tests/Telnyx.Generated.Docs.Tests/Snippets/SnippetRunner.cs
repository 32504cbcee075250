using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Telnyx.Generated.Docs.Tests.Snippets;

/// <summary>Runs the NUnit tests a page shows, inside the calling test: a failing assertion there fails it.</summary>
public static class SnippetRunner
{
    /// <summary>Runs every public parameterless [Test] method, each on a fresh fixture; anything fancier needs NUnit's own runner.</summary>
    public static async Task RunTestsAsync(Assembly assembly)
    {
        var methods = assembly.GetTypes().SelectMany(t => t.GetMethods()).ToList();
        var unsupported = methods.Where(m => m.IsDefined(typeof(TestCaseAttribute)) || m.IsDefined(typeof(TestCaseSourceAttribute))
            || m.IsDefined(typeof(SetUpAttribute)) || m.IsDefined(typeof(TearDownAttribute))
            || (m.IsDefined(typeof(TestAttribute)) && m.GetParameters().Length > 0)).Select(m => m.Name).ToList();
        Assert.That(unsupported, Is.Empty, "the docs runner runs parameterless [Test] methods only");

        foreach (var test in methods.Where(m => m.IsDefined(typeof(TestAttribute))))
        {
            await RunAsync(test);
        }
    }

    private static async Task RunAsync(MethodInfo test)
    {
        var fixture = test.IsStatic ? null : Activator.CreateInstance(test.DeclaringType!);
        try
        {
            if (test.Invoke(fixture, null) is Task running)
            {
                await running;
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
        }
        finally
        {
            (fixture as IDisposable)?.Dispose();
        }
    }
}
