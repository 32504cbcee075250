namespace Telnyx.Generated.TestSupport;

/// <summary>The project file of a throwaway consumer app, written as a user would write it (warnings as errors).</summary>
internal static class ConsumerProject
{
    /// <param name="sdk">The project SDK, e.g. Microsoft.NET.Sdk.</param>
    /// <param name="references">The ItemGroup's content: PackageReference or ProjectReference elements.</param>
    public static string Csproj(string sdk, string references) => $"""
        <Project Sdk="{sdk}">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
        {references}
          </ItemGroup>
        </Project>
        """;

    /// <summary>
    /// C# source of a handler that records the request (method, URI, Authorization, body) and answers Telnyx's
    /// success body, appended to a consumer's top-level program so it runs without a server.
    /// </summary>
    public const string CapturingHandler = """

        internal sealed class CapturingHandler : HttpMessageHandler
        {
            public string? Method { get; private set; }
            public Uri? Uri { get; private set; }
            public string? Authorization { get; private set; }
            public string? Body { get; private set; }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Method = request.Method.Method;
                Uri = request.RequestUri;
                Authorization = request.Headers.Authorization?.ToString();
                Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"data\":{\"result\":\"ok\"}}") };
            }
        }
        """;
}
