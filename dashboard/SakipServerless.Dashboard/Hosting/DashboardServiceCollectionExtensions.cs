using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using SakipServerless.Dashboard.Api;
using SakipServerless.Dashboard.Auth;
using SakipServerless.Dashboard.Uploads;

namespace SakipServerless.Dashboard.Hosting;

/// <summary>Registrations of the dashboard, one method per concern so Program.cs stays a page.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSakipDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<List<DemoTenant>>().Bind(builder.Configuration.GetSection("Dashboard:DemoTenants"));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Detailed circuit errors only in development: in production the browser learns nothing of the server's internals.
        services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");

        services.AddDashboardApiClient();
        services.AddDashboardIdentity();
        services.AddSingleton<UploadStore>();
        return builder;
    }

    public static IServiceCollection AddDashboardApiClient(this IServiceCollection services)
    {
        // Scoped, not handlers: a request and a circuit each have their own caller and backend clock, and handlers
        // of the HTTP client factory live in a scope of their own that would see neither.
        services.AddScoped<ApiCaller>();
        services.AddScoped<BackendClock>();
        services.AddScoped<CircuitHandler, CircuitCaller>();
        services.AddTransient<ForwardedForHandler>();
        services.AddHttpClient<SakipApiClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<DashboardOptions>>().Value.ApiBaseUrl;
                // Uploads of large evidence files to the backend take longer than a page's reads.
                http.Timeout = TimeSpan.FromMinutes(5);
            })
            .AddHttpMessageHandler<ForwardedForHandler>();
        return services;
    }

    public static IServiceCollection AddDashboardIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(DashboardClaims.Scheme)
            .AddCookie(DashboardClaims.Scheme, o =>
            {
                o.LoginPath = "/masuk";
                o.LogoutPath = "/keluar";
                o.ReturnUrlParameter = "kembali";
                o.Cookie.Name = "sakip.sesi";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(10); // the backend's token lives as long
                o.SlidingExpiration = false;
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<SignInService>();
        return services;
    }
}
