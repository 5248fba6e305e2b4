using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SakipServerless.Api.Templates;
using SakipServerless.Core;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Runs;

/// <summary>
/// The read side the run endpoints share: views of stored runs at the application clock's now, OPD lookup and request
/// fingerprints. Changes of a run go through <see cref="Engine.IRunEngine"/>.
/// </summary>
public sealed class RunService(IDocumentStore documents, TemplateCatalog templates, RunContextFactory contexts)
{
    public async Task<RunView> ViewAsync(SopRun run, CancellationToken ct)
    {
        var template = await templates.GetAsync(run.TenantId, run.TemplateId, run.TemplateVersion, ct);
        return RunView.From(run, template, contexts.Clock.GetUtcNow());
    }

    public async Task<Opd?> FindOpdAsync(string tenantId, string opdId, CancellationToken ct) =>
        await documents.GetAsync<Opd>(tenantId, DocumentKinds.Opd, opdId, ct);

    public DateTimeOffset Now => contexts.Clock.GetUtcNow();

    /// <summary>The request's fingerprint: the same key with a different body is a client error, not a replay.</summary>
    public static string Hash(string target, object request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(target + "\n" + JsonSerializer.Serialize(request, request.GetType(), CoreJson.Options))));
}
