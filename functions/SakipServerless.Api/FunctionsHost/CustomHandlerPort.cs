using System.Globalization;

namespace SakipServerless.Api.FunctionsHost;

/// <summary>
/// The one difference between running under <c>dotnet run</c> and running as an Azure Functions custom handler: the
/// Functions host picks a private port, passes it in <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, and talks to us only there.
/// </summary>
public static class CustomHandlerPort
{
    /// <summary>Set by the Functions host on the handler process it starts.</summary>
    public const string Variable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>The port the Functions host gave us, or null when the app runs on its own.</summary>
    public static int? From(IConfiguration configuration)
    {
        string? value = configuration[Variable];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // A wrong value would leave the host waiting on a port nobody listens on; fail at start with the reason instead.
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{Variable} must be a TCP port number (1-65535), not '{value}'.");
        }

        return port;
    }

    /// <summary>
    /// Listens on the host's port, on loopback only, when the app runs as a custom handler. The port wins over any
    /// address the handler inherits from the host's own environment (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS of the host
    /// image), which belongs to the host and would collide with it.
    /// </summary>
    public static WebApplicationBuilder UseCustomHandlerPortIfSet(this WebApplicationBuilder builder)
    {
        if (From(builder.Configuration) is { } port)
        {
            builder.WebHost.UseUrls($"http://localhost:{port}");
        }

        return builder;
    }
}
