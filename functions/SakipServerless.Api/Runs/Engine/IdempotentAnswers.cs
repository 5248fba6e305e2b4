using System.Text;
using SakipServerless.Api.Errors;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Runs.Engine;

/// <summary>The answer stored for an <c>Idempotency-Key</c>, given again for the same request; another request under the same key is 422.</summary>
public static class IdempotentAnswers
{
    public static async Task<IResult?> ReplayAsync(IRunStore runs, AppUser user, string key, string hash, CancellationToken ct)
    {
        var existing = await runs.FindIdempotencyAsync(user.TenantId, key, ct);
        if (existing is null)
        {
            return null;
        }

        if (existing.UserId != user.Id || existing.RequestHash != hash)
        {
            return Problems.Create(422, "idempotency-key-reused", "Idempotency-Key ini sudah dipakai untuk permintaan lain; gunakan kunci baru.");
        }

        return Results.Content(existing.ResponseJson, "application/json", Encoding.UTF8, existing.StatusCode);
    }
}
