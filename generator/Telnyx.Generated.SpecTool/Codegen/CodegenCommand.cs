using System.CommandLine;
namespace Telnyx.Generated.SpecTool;

/// <summary>
/// <c>codegen &lt;spec-dir&gt; &lt;output-dir&gt;</c>, run by the build (generator/Telnyx.Generated.NSwag.targets) beside
/// NSwag: reads spec/ once through <see cref="CuratedSpec"/> and writes what NSwag cannot, the event members
/// (WebhookEvents.g.cs) and the operation model (Operations.g.cs). A spec the C# cannot be made from is exit 2 with
/// the reason, which the build shows as its error, and nothing is written.
/// </summary>
internal static class CodegenCommand
{
    public static Command Create()
    {
        var spec = new Argument<DirectoryInfo>("spec-dir") { Description = "The curated spec/ directory." };
        var output = new Argument<DirectoryInfo>("output-dir") { Description = "The folder to write the C# into (under obj/)." };
        var command = new Command("codegen", "Build step: write the C# NSwag cannot, from spec/ read through one model: the event members of x-webhooks and the operation model (operations, their repeat rules, events and roles).")
        {
            Hidden = true,
        };
        command.Arguments.Add(spec);
        command.Arguments.Add(output);
        command.SetAction(parse => Run(parse.GetValue(spec)!.FullName, parse.GetValue(output)!.FullName, Console.Error));
        return command;
    }

    public const string WebhookEventsFile = "WebhookEvents.g.cs";
    public const string OperationsFile = "Operations.g.cs";

    public static int Run(string specDirectory, string outputDirectory, TextWriter error)
    {
        try
        {
            var curated = CuratedSpec.Load(specDirectory);
            var files = new[] { (WebhookEventsFile, WebhookEventsCode.Generate(curated)), (OperationsFile, OperationsCode.Generate(curated)) };
            Directory.CreateDirectory(outputDirectory);
            foreach (var (name, code) in files)
            {
                // Unchanged code keeps its timestamp, so the library is not recompiled for nothing (the build's stamp says "done").
                var path = Path.Combine(outputDirectory, name);
                if (!File.Exists(path) || File.ReadAllText(path) != code)
                {
                    File.WriteAllText(path, code);
                }
            }

            return 0;
        }
        catch (SpecInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCode.BadInput;
        }
    }
}
