using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace SakipServerless.Api.Auth;

/// <summary>Authentication by identity mode, authorization, the current user.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>The default scheme forwards to the platform principal or to bearer tokens, as <c>Sakip:Identity:Mode</c> says.</summary>
    public const string Scheme = "Sakip";

    public static IServiceCollection AddSakipIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Sakip", o => o.ForwardDefaultSelector = http =>
                http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.IsAppService
                    ? AppServiceAuthenticationHandler.SchemeName
                    : BearerTokenDefaults.AuthenticationScheme)
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromHours(10))
            .AddScheme<AuthenticationSchemeOptions, AppServiceAuthenticationHandler>(AppServiceAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddScoped<CurrentUser>();
        return services;
    }
}
