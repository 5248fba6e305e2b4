using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Errors;

namespace SakipServerless.Api.Auth;

/// <summary>
/// The rate-limiting policies (ASP.NET Core's built-in limiter): <see cref="SignIn"/> per client address, since the
/// caller is not known yet; <see cref="Upload"/> per tenant and user, so one office's NAT address does not throttle
/// its colleagues. A refused request gets 429 problem+json with <c>Retry-After</c>.
/// </summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Upload = "upload";

    public static IServiceCollection AddSakipRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignIn, http => Partition(http, SignIn, o => (o.SignInPermitLimit, o.SignInWindowSeconds),
                "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown")));
            limiter.AddPolicy(Upload, http => Partition(http, Upload, o => (o.UploadPermitLimit, o.UploadWindowSeconds),
                http.User.FindFirst(SakipClaims.UserId)?.Value is { } user
                    ? $"user:{http.User.FindFirst(SakipClaims.TenantId)?.Value}/{user}"
                    : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown")));
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                int seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitPolicies));
                IdentityLog.RateLimited(log, http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "?",
                    http.User.FindFirst(SakipClaims.UserId)?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown", http.Request.Path);
                await Problems.Create(StatusCodes.Status429TooManyRequests, "rate-limited",
                    $"Terlalu banyak permintaan dalam waktu singkat. Tunggu {seconds} detik lalu coba lagi; yang sudah tersimpan tidak hilang.",
                    new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds }).ExecuteAsync(http);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, string policy, Func<RateLimitOptions, (int Permits, int WindowSeconds)> pick, string key)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
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
