using System.Text.Json;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Files;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Core.Templates;
using SakipServerless.Importer;

namespace SakipServerless.Api.Templates;

/// <summary>SOP templates of the tenant: list, read (latest or a version), draft one from an SOP document, publish a new validated version.</summary>
public static class TemplatesApi
{
    /// <param name="Schedule">The latest version's start schedule; null when runs start only by hand.</param>
    /// <param name="NextScheduledStart">When the schedule starts runs next, on the pemda's working-time calendar.</param>
    public sealed record TemplateSummary(string Id, int Version, string Title, string Agency, int Steps, IReadOnlyList<int> Versions,
        StartSchedule? Schedule = null, DateTimeOffset? NextScheduledStart = null);

    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/templates").WithTags("Templates");
        group.MapGet("/", ListAsync).WithSummary("Daftar templat SOP (versi terbaru masing-masing)");
        group.MapGet("/{templateId}", GetAsync).WithSummary("Satu templat SOP: versi terbaru atau ?version=n");
        group.MapPost("/", PublishAsync).DocumentsJsonBody<SopTemplate>().Produces<SopTemplate>(StatusCodes.Status201Created).WithSummary("Menerbitkan versi baru templat SOP (divalidasi)");
        group.MapPost("/import", ImportAsync)
            .DocumentsRawFileBody("Dokumen SOP apa adanya sebagai isi permintaan, namanya di ?fileName=; jenisnya dikenali dari isi berkas.",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf", "text/plain", "application/octet-stream")
            .WithMetadata(new UploadBodyLimit(SopDocumentUpload.MaxBytes))
            .RequireRateLimiting(RateLimitPolicies.Upload)
            .WithSummary("Mengubah dokumen SOP (.docx, .pdf dengan lapisan teks, atau teks ekspor; jenis dibaca dari isi berkas, paling besar 20 MB) "
                + "menjadi draf templat beserta importWarnings (severity blocking/advisory, location halaman/baris/sel); tidak menerbitkan");
        return api;
    }

    private static async Task<IResult> ListAsync(CurrentUser me, TemplateCatalog catalog, TenantCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var all = await catalog.ListAsync(user.TenantId, ct);
        var calendar = all.Any(t => t.Schedule is not null) ? await calendars.CalendarAsync(user.TenantId, ct) : null;
        return TypedResults.Ok(all.GroupBy(t => t.Id).Select(g =>
        {
            var latest = g.MaxBy(t => t.Version)!;
            DateTimeOffset? next = latest.Schedule is { } s ? StartScheduleCalendar.Next(s, calendar!, clock.GetUtcNow()).StartsAt : null;
            return new TemplateSummary(latest.Id, latest.Version, latest.Title, latest.Agency.Name, latest.Steps.Count, g.Select(t => t.Version).Order().ToList(),
                latest.Schedule, next);
        }).OrderBy(t => t.Id).ToList());
    }

    private static async Task<IResult> GetAsync(string templateId, int? version, CurrentUser me, TemplateCatalog catalog, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var template = version is { } v
            ? await catalog.GetAsync(user.TenantId, templateId, v, ct)
            : await catalog.LatestAsync(user.TenantId, templateId, ct);
        return template is null ? Problems.NotFound($"Templat SOP '{templateId}' tidak ditemukan.") : TypedResults.Ok(template);
    }

    /// <summary>
    /// Drafts a template from an uploaded SOP document (the raw file as the body, its name in <c>?fileName=</c>).
    /// The draft is for review: an admin corrects what the warnings name, then publishes it.
    /// </summary>
    private static async Task<IResult> ImportAsync(HttpContext http, string? fileName, CurrentUser me, SopDocumentUpload upload, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya administrator pemda yang dapat mengimpor dokumen SOP.");
        }

        try
        {
            byte[] content = await upload.ReadAsync(http, ct);
            var result = SopImporter.Import(content, string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileName(fileName));
            return Results.Content(DraftTemplateJson.Serialize(result), "application/json");
        }
        catch (UploadRejectedException e)
        {
            return e.ToProblem();
        }
        catch (SopImportException e)
        {
            return Problems.BadRequest("sop-unreadable", e.Message);
        }
    }

    /// <summary>The body is read as text and parsed by the template reader, so a shape error names the JSON path.</summary>
    private static async Task<IResult> PublishAsync(HttpRequest http, CurrentUser me, TemplateCatalog catalog, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya administrator pemda yang dapat menerbitkan templat SOP.");
        }

        string body;
        using (var reader = new StreamReader(http.Body))
        {
            body = await reader.ReadToEndAsync(ct);
        }

        SopTemplate template;
        try
        {
            template = SopTemplateJson.Parse(body);
        }
        catch (TemplateFormatException e)
        {
            return Problems.BadRequest("template-unreadable", e.Message);
        }

        // A draft still carrying blocking import warnings would run wrongly (no time zone, a step nobody does):
        // refused with the list, so the admin sees what is left. Advisory warnings never block.
        var blockers = ImportWarningBlockers.Outstanding(template);
        if (blockers.Count > 0)
        {
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "template-import-blockers",
                $"Templat SOP belum dapat diterbitkan: {blockers.Count} peringatan impor yang memblokir belum diselesaikan. "
                + "Perbaiki yang disebut di bawah; peringatan yang menyebut isian (field) hilang sendiri setelah isian itu diisi, yang lain hapus dari importWarnings setelah diperiksa. "
                + string.Join(" ", blockers.Select((b, i) => $"({i + 1}) {b.Message}{(b.Location is null ? "" : $" [{b.Location}]")}")),
                new Dictionary<string, object?> { ["blockers"] = blockers });
        }

        try
        {
            var published = await catalog.PublishAsync(user.TenantId, template, ct);
            return TypedResults.Created($"/api/templates/{published.Id}?version={published.Version}", published);
        }
        catch (TemplateValidationException e)
        {
            return Problems.Validation(e.Errors.GroupBy(x => x.Path).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()),
                "Templat SOP tidak valid; periksa langkah dan isian yang ditandai.");
        }
    }
}
