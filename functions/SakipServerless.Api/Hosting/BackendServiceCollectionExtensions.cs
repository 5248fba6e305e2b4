using Microsoft.Extensions.Options;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Clock;
using SakipServerless.Api.Dashboard;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Files;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Runs;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Api.Storage;
using SakipServerless.Api.Sweep;
using SakipServerless.Api.Templates;
using SakipServerless.Core;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Hosting;

/// <summary>Registrations of the backend, one method per concern so Program.cs stays a page.</summary>
public static class BackendServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSakipBackend(this WebApplicationBuilder builder)
    {
        builder.UseDefaultListenAddress();
        long maxBody = builder.Configuration.GetValue<long?>($"{SakipOptions.Section}:MaxJsonBodyBytes") ?? 1024 * 1024;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);
        builder.Services.AddSakipServices(builder.Configuration, builder.Environment);
        builder.Services.AddSakipLocalDurableEngine(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Every service of the backend, without the web host's own settings (listen address, Kestrel limits): the local
    /// host and the Azure Functions app (functions/SakipServerless.Functions) register the same set through here.
    /// </summary>
    public static IServiceCollection AddSakipServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SakipOptions>().Bind(configuration.GetSection(SakipOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SakipOptions>>(new ProductionSafetyValidator(environment));
        services.AddSingleton<IValidateOptions<SakipOptions>, NestedSectionsValidator>();

        services.ConfigureHttpJsonOptions(o => CoreJson.Configure(o.SerializerOptions));
        services.AddProblemDetails(StatusProblems.Customize);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // bad JSON reaches ApiExceptionHandler
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<ProblemResponsesTransformer>());
        services.AddHttpContextAccessor();

        services.AddSakipClock();
        services.AddSakipStorage(configuration);
        services.AddSakipWorkflow();
        services.AddSakipIdentity(configuration);
        services.AddSakipRateLimits(configuration);
        services.AddSakipNotifications();
        services.AddSakipFiles(configuration);
        return services;
    }

    /// <summary>
    /// The local host's durable mode: with <c>Sakip:Engine:Sidecar</c> set it runs the orchestrations on a sidecar of its
    /// own (<see cref="LocalDurableEngineService"/>). Without it, durable mode needs a host that provides the
    /// <c>DurableRunClient</c> (the Functions app binds the host's, tests a test host's); the local host refuses it clearly.
    /// </summary>
    public static IServiceCollection AddSakipLocalDurableEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var engine = configuration.GetSection($"{SakipOptions.Section}:Engine").Get<EngineOptions>() ?? new EngineOptions();
        if (!engine.IsDurable)
        {
            return services;
        }

        services.AddScoped<RunAdoption>();
        if (!engine.Sidecar.Enabled)
        {
            // A host that provides the client (a test host) registers it after this and wins; otherwise the start fails here.
            return services
                .AddSingleton<SakipServerless.Engine.Durable.Client.DurableRunClient>(_ => throw new InvalidOperationException(
                    "Sakip:Engine:Mode=durable pada host lokal memerlukan Sakip:Engine:Sidecar:StorageConnectionString (Azurite; lihat README). " +
                    "/ Durable mode in the local host needs a sidecar storage account."))
                .AddHostedService<DurableClientCheck>();
        }

        services.AddSingleton<LocalDurableEngineService>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalDurableEngineService>());
        services.AddSingleton(sp => sp.GetRequiredService<LocalDurableEngineService>().Runs);
        return services;
    }

    public static IServiceCollection AddSakipClock(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AppClock(TimeProvider.System));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<AppClock>());
        return services;
    }

    public static IServiceCollection AddSakipWorkflow(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var e = sp.GetRequiredService<IOptions<SakipOptions>>().Value.Escalation;
            return new RunContextFactory(sp.GetRequiredService<TimeProvider>(), new EscalationPolicy(new WorkDuration(e.Level2GraceWorkingDays, e.Level2GraceWorkingMinutes)));
        });
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<SopDocumentUpload>();
        services.AddSingleton<TenantCalendars>();
        services.AddScoped<RunService>();
        // The durable engine needs its host's DurableRunClient (the Functions app, or a test host); the embedded one needs nothing more.
        services.AddScoped<IRunEngine>(sp => sp.GetRequiredService<IOptions<SakipOptions>>().Value.Engine.IsDurable
            ? ActivatorUtilities.CreateInstance<DurableRunEngine>(sp)
            : ActivatorUtilities.CreateInstance<EmbeddedRunEngine>(sp));
        services.AddSingleton<SakipServerless.Engine.Durable.Projection.IProjectionAnswers, RunViewAnswers>();
        services.AddScoped<DashboardReader>();
        services.AddSingleton<DeadlineSweep>();
        services.AddScoped<SakipServerless.Api.Scheduling.ScheduledRunStarter>();
        services.AddHostedService<DeadlineSweepService>();
        return services;
    }

    /// <summary>Development conveniences are refused in Production: the app does not start with them on.</summary>
    private sealed class ProductionSafetyValidator(IHostEnvironment env) : IValidateOptions<SakipOptions>
    {
        public ValidateOptionsResult Validate(string? name, SakipOptions options)
        {
            if (!env.IsProduction())
            {
                return ValidateOptionsResult.Success;
            }

            var on = new List<string>();
            if (options.Development.EnableDevSignIn) on.Add("EnableDevSignIn");
            if (options.Development.EnableClockOffset) on.Add("EnableClockOffset");
            if (options.Development.SeedDemoData) on.Add("SeedDemoData");
            return on.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Sakip:Development:{string.Join(", ", on)} must be off in Production.");
        }
    }
}
