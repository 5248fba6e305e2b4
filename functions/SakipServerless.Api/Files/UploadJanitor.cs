using Microsoft.Extensions.Options;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Files;

/// <summary>
/// Removes what unfinished uploads leave: expired upload sessions with their staged bytes, and staged bytes nobody
/// wrote to for longer than a session may live (a process that stopped in the middle of a direct upload).
/// </summary>
public sealed class UploadJanitor(IDocumentStore documents, IFileStore files, TimeProvider clock, IOptions<EvidenceOptions> options, ILogger<UploadJanitor> log)
{
    public async Task<(int Sessions, int Staged)> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        int sessions = 0;
        foreach (string tenant in await documents.ListTenantIdsAsync(ct))
        {
            foreach (var session in await documents.ListAsync<UploadSession>(tenant, DocumentKinds.UploadSession, ct))
            {
                if (session.ExpiresAt <= now)
                {
                    await files.DeleteStagedAsync(session.StagingKey, ct);
                    await documents.DeleteAsync(tenant, DocumentKinds.UploadSession, session.Id, ct);
                    sessions++;
                }
            }
        }

        // File times are the machine's, not the application clock's (which a demo may have moved forward).
        int staged = await files.PurgeStagedAsync(DateTimeOffset.UtcNow.AddHours(-options.Value.UploadSessionHours - 1), ct);
        if (sessions + staged > 0)
        {
            FilesLog.Purged(log, sessions, staged);
        }

        return (sessions, staged);
    }
}
