using System.Net;

namespace SakipServerless.Api.FunctionsHost;

/// <summary>
/// Lets a function invocation through only when it can have come from the Functions host: the app runs as a custom
/// handler, and the request arrived over loopback on the host's private port. Anything else is answered like an
/// unknown path.
/// </summary>
/// <remarks>
/// Invocation paths (<c>/{FunctionName}</c>) lie outside <c>/api</c>, and the host forwards public HTTP traffic only
/// along function routes, which all lie under <c>/api</c> (host.json <c>routePrefix</c>); so no forwarded request
/// can reach them. This filter closes the remaining doors: the app started on its own (<c>dotnet run</c>, tests, a
/// container) never runs a sweep on request, and an extra listener would not expose one.
/// </remarks>
public sealed partial class CustomHandlerOnlyFilter(IConfiguration configuration, ILogger<CustomHandlerOnlyFilter> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var connection = context.HttpContext.Connection;
        int? port = CustomHandlerPort.From(configuration);
        bool fromHost = port is not null
            && (connection.RemoteIpAddress is null || IPAddress.IsLoopback(connection.RemoteIpAddress)) // null: in-memory test server
            && (connection.LocalPort == 0 || connection.LocalPort == port);
        if (!fromHost)
        {
            LogRefused(log, context.HttpContext.Request.Path, connection.RemoteIpAddress?.ToString());
            return Results.NotFound();
        }

        return await next(context);
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning,
        Message = "Function invocation {Path} from {RemoteAddress} refused: only the Functions host may invoke it, on the custom-handler port")]
    private static partial void LogRefused(ILogger logger, string path, string? remoteAddress);
}
