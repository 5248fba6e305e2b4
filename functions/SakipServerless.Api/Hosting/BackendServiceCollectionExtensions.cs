using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Clock;
using SakipServerless.Api.Dashboard;
using SakipServerless.Api.Errors;
using SakipServerless.Api.FunctionsHost;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Runs;
using SakipServerless.Api.Sweep;
using SakipServerless.Api.Templates;
using SakipServerless.Core;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Sqlite;

namespace SakipServerless.Api.Hosting;

/// <summary>Registrations of the backend, one method per concern so Program.cs stays a page.</summary>
public static class BackendServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSakipBackend(this WebApplicationBuilder builder)
    {
        builder.UseDefaultListenAddress();
        builder.UseCustomHandlerPortIfSet(); // as an Azure Functions custom handler: the host's port, whatever else is set
        var services = builder.Services;
        services.AddOptions<SakipOptions>().Bind(builder.Configuration.GetSection(SakipOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SakipOptions>>(new ProductionSafetyValidator(builder.Environment));
        services.AddSingleton<IValidateOptions<SakipOptions>, NestedSectionsValidator>();

        long maxBody = builder.Configuration.GetValue<long?>($"{SakipOptions.Section}:MaxJsonBodyBytes") ?? 1024 * 1024;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);
        services.ConfigureHttpJsonOptions(o => CoreJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // bad JSON reaches ApiExceptionHandler
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.AddHttpContextAccessor();

        services.AddSakipClock();
        services.AddSakipStorage();
        services.AddSakipWorkflow();
        services.AddSakipIdentity();
        services.AddSakipNotifications();
        return builder;
    }

    public static IServiceCollection AddSakipClock(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AppClock(TimeProvider.System));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<AppClock>());
        return services;
    }

    public static IServiceCollection AddSakipStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SakipOptions>>().Value.Storage;
            if (!string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
            {
                throw new OptionsValidationException(SakipOptions.Section, typeof(StorageOptions),
                    [$"Storage provider '{options.Provider}' is not available in this build; use 'sqlite'."]);
            }

            var env = sp.GetRequiredService<IHostEnvironment>();
            return new SqliteDatabase(Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(Directory.GetCurrentDirectory(), options.SqlitePath));
        });
        services.AddSingleton<IDocumentStore>(sp => new SqliteDocumentStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRunStore>(sp => new SqliteRunStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<INotificationStore>(sp => new SqliteNotificationStore(sp.GetRequiredService<SqliteDatabase>()));
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
        services.AddSingleton<TenantCalendars>();
        services.AddScoped<RunService>();
        services.AddScoped<DashboardReader>();
        services.AddSingleton<DeadlineSweep>();
        services.AddHostedService<DeadlineSweepService>();
        return services;
    }

    public static IServiceCollection AddSakipIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme)
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromHours(10));
        services.AddAuthorization();
        services.AddScoped<CurrentUser>();
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
