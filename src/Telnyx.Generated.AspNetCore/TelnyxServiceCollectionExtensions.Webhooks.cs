namespace Microsoft.Extensions.DependencyInjection;

public static partial class TelnyxServiceCollectionExtensions
{
    private static void AddTelnyxWebhookServices(this IServiceCollection services)
    {
    }
}
