using System.Globalization;
using SakipServerless.Api.Errors;

namespace SakipServerless.Api.Auth;

/// <summary>The one answer to a refused request, from the middleware's limiter and the sign-in throttle alike.</summary>
public static class RateLimitProblem
{
    public static IResult Create(HttpContext http, string policy, string partition, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitProblem));
        IdentityLog.RateLimited(log, policy, partition, http.Request.Path);
        return Problems.Create(StatusCodes.Status429TooManyRequests, "rate-limited",
            $"Terlalu banyak permintaan dalam waktu singkat. Tunggu {retryAfterSeconds} detik lalu coba lagi; yang sudah tersimpan tidak hilang.",
            new Dictionary<string, object?> { ["retryAfterSeconds"] = retryAfterSeconds });
    }
}
