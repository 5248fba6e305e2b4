namespace SakipServerless.Api.FunctionsHost;

/// <summary>Maps the handler side of the non-HTTP functions (the host's invocation endpoints).</summary>
public static class FunctionsHostEndpointExtensions
{
    public static WebApplication MapFunctionInvocations(this WebApplication app)
    {
        var sweep = DeadlineSweepFunction.Trigger;
        app.MapPost(sweep.InvocationPath, DeadlineSweepFunction.InvokeAsync)
            .AddEndpointFilter<CustomHandlerOnlyFilter>()
            .WithMetadata(sweep)
            .AllowAnonymous()     // the host sends no user; the filter decides who may call
            .ExcludeFromDescription(); // not part of the public API document
        return app;
    }
}
