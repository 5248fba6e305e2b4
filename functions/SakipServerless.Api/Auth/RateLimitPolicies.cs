using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SakipServerless.Api.Auth;

/// <summary>
/// The rate-limiting policies of the middleware (ASP.NET Core's built-in limiter). <see cref="Upload"/> is per tenant
/// and user, so one office's NAT address does not throttle its colleagues; an anonymous caller falls back to its
/// client address (<see cref="ClientAddress"/>). Sign-in is limited by <see cref="SignInThrottle"/> inside the endpoint,
/// where the account is known. A refused request gets 429 problem+json with <c>Retry-After</c>.
/// </summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Upload = "upload";

    public static IServiceCollection AddSakipRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Upload, http => Partition(http, Upload, o => (o.UploadPermitLimit, o.UploadWindowSeconds),
                http.User.FindFirst(SakipClaims.UserId)?.Value is { } user
                    ? $"user:{http.User.FindFirst(SakipClaims.TenantId)?.Value}/{user}"
                    : "ip:" + ClientAddress.Of(http, Options(http).TrustedProxyAddresses())));
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                int seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                string policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "?";
                await RateLimitProblem.Create(http, policy, http.User.FindFirst(SakipClaims.UserId)?.Value ?? "anonymous", seconds).ExecuteAsync(http);
            };
        });
        return services;
    }

    private static RateLimitOptions Options(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> Partition(HttpContext http, string policy, Func<RateLimitOptions, (int Permits, int WindowSeconds)> pick, string key)
    {
        var options = Options(http);
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }

        var (permits, window) = pick(options);
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}|{key}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(window),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
