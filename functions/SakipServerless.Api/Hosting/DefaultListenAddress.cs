namespace SakipServerless.Api.Hosting;

/// <summary>
/// Makes http://localhost:7071 the address whenever nothing else names one, so the API answers on the same port with or
/// without the launch profile (<c>dotnet run --no-launch-profile</c>, the built binary) and where Azure Functions Core
/// Tools would serve it.
/// </summary>
public static class DefaultListenAddress
{
    public const string Url = "http://localhost:7071";

    /// <summary>Keys through which an address can be given: ASPNETCORE_URLS / --urls, and the port-only variants.</summary>
    private static readonly string[] AddressKeys = ["urls", "http_ports", "https_ports"];

    public static WebApplicationBuilder UseDefaultListenAddress(this WebApplicationBuilder builder)
    {
        // An explicit address (launch profile, environment, command line, Kestrel endpoints) always wins.
        bool named = AddressKeys.Any(key => !string.IsNullOrWhiteSpace(builder.Configuration[key]))
            || builder.Configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!named)
        {
            builder.WebHost.UseUrls(Url);
        }

        return builder;
    }
}
