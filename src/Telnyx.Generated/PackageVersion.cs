using System.Reflection;

namespace Telnyx.Generated;

/// <summary>
/// The version a package reports in its User-Agent, spans and metrics: its informational version without the
/// <c>+commit</c> the SDK appends. Each package passes its own assembly, so each reports its own version.
/// </summary>
internal static class PackageVersion
{
    public static string Of(Assembly assembly) =>
        (assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
