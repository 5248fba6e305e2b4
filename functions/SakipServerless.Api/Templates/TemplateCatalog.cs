using System.Collections.Concurrent;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Templates;

/// <summary>
/// Published SOP template versions of each tenant. Versions are immutable, so they are cached once read;
/// publishing validates and appends the next version number, stamped with the application clock's now.
/// </summary>
public sealed class TemplateCatalog(IDocumentStore documents, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Tenant, string Key), SopTemplate> _cache = new();

    public static string Key(string templateId, int version) => $"{templateId}@{version}";

    public async Task<SopTemplate> GetAsync(string tenantId, string templateId, int version, CancellationToken ct = default)
    {
        var key = (tenantId, Key(templateId, version));
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var template = await documents.GetAsync<SopTemplate>(tenantId, DocumentKinds.Template, key.Item2, ct)
            ?? throw DomainException.NotFound("template-not-found", $"Templat SOP '{templateId}' versi {version} tidak ditemukan.");
        return _cache.GetOrAdd(key, template);
    }

    public async Task<IReadOnlyList<SopTemplate>> ListAsync(string tenantId, CancellationToken ct = default) =>
        await documents.ListAsync<SopTemplate>(tenantId, DocumentKinds.Template, ct);

    public async Task<SopTemplate?> LatestAsync(string tenantId, string templateId, CancellationToken ct = default) =>
        (await ListAsync(tenantId, ct)).Where(t => t.Id == templateId).MaxBy(t => t.Version);

    /// <summary>Validates and stores the template as the next version of its id; returns the stored version.</summary>
    public async Task<SopTemplate> PublishAsync(string tenantId, SopTemplate template, CancellationToken ct = default)
    {
        for (int attempt = 0; attempt < 5; attempt++)
        {
            var latest = await LatestAsync(tenantId, template.Id, ct);
            var next = TemplateValidator.EnsureValid(template with { Version = (latest?.Version ?? 0) + 1, ImportWarnings = null, PublishedAt = clock.GetUtcNow() });
            if (await documents.TryInsertAsync(tenantId, DocumentKinds.Template, Key(next.Id, next.Version), next, ct))
            {
                return next;
            }
        }

        throw DomainException.Conflict("template-publish-race", "Templat SOP sedang diterbitkan oleh pengguna lain; coba lagi.");
    }
}
