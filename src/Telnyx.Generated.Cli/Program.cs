namespace Telnyx.Generated.Cli;

/// <summary>The <c>telnyx-calls</c> executable.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => TelnyxCallsCli.RunAsync(args, Console.Out, Console.Error, Console.In);
}
