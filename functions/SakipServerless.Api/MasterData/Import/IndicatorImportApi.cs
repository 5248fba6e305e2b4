using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Api.MasterData.Indicators;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.MasterData.Import;

/// <summary>
/// Bulk import of an OPD's indicators and targets for a year from a CSV sheet, all or nothing: any row error answers
/// 400 listing every error, and nothing is stored; otherwise every row is written in one batch.
/// </summary>
public static class IndicatorImportApi
{
    private const int MaxReportedErrors = 500;

    /// <summary>What browsers and tools send for a .csv file (Excel on Windows registers it as vnd.ms-excel).</summary>
    private static readonly string[] CsvMediaTypes = ["text/csv", "text/plain", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel", "text/tab-separated-values"];

    public static RouteGroupBuilder MapIndicatorImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/opds/{opdId}/indicators/import", ImportAsync).WithTags("Master data")
            .DocumentsCsvBody("Lembar indikator: satu baris judul kolom (kode, sasaran, indikator, satuan, polaritas, agregasi, target tahunan, TW I–IV), lalu satu baris per indikator; pemisah ; , atau tab; UTF-8 (dengan atau tanpa BOM) atau Windows-1252.")
            .WithSummary("Impor indikator dan target dari CSV (satu baris per indikator; ?year=2026, ?dryRun=true untuk memeriksa saja)");
        return api;
    }

    private static async Task<IResult> ImportAsync(string opdId, string? year, string? dryRun, HttpRequest http, CurrentUser me, IDocumentStore documents,
        IOptions<SakipOptions> options, ILoggerFactory logs, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var opd = await documents.GetAsync<Opd>(user.TenantId, DocumentKinds.Opd, opdId, ct);
        if (opd is null)
        {
            return Problems.NotFound($"OPD '{opdId}' tidak ditemukan.");
        }

        if (!IndicatorAccess.CanWrite(user, opd))
        {
            return Problems.Forbidden(IndicatorAccess.WriteRefusal);
        }

        var errors = new ValidationErrors();
        int? targetYear = IndicatorsApi.ParseYear(year, errors, required: true);
        bool? isDryRun = dryRun is null ? false : dryRun.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "ya" => true,
            "false" or "0" or "tidak" => false,
            _ => null,
        };
        if (isDryRun is null)
        {
            errors.Add("dryRun", "dryRun hanya boleh true atau false.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (http.ContentType is { } contentType
            && (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !CsvMediaTypes.Contains(media.MediaType.Value, StringComparer.OrdinalIgnoreCase)))
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                "Kirim isi berkas CSV apa adanya dengan Content-Type: text/csv.");
        }

        long limit = options.Value.MaxJsonBodyBytes;
        byte[]? bytes = await ReadBodyAsync(http.Body, limit, ct);
        if (bytes is null)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"Berkas CSV melebihi batas {limit / 1024} KB; bagi menjadi beberapa berkas.");
        }

        var sheet = IndicatorSheetReader.Read(bytes);
        if (sheet.Errors.Count > 0)
        {
            return Invalid(sheet.Errors);
        }

        var all = await documents.ListAsync<IndicatorRecord>(user.TenantId, DocumentKinds.Indicator, ct);
        var rows = ImportPlanner.Plan(sheet, all, user.TenantId, opd.Id, targetYear!.Value);
        var writes = rows.Where(r => r.Action != ImportedRow.Unchanged)
            .Select(r => new DocumentWrite(user.TenantId, DocumentKinds.Indicator, r.Indicator.Id, r.Indicator))
            .ToList();
        if (isDryRun == false && writes.Count > 0)
        {
            await documents.PutManyAsync(writes, ct);
        }

        var touched = rows.Select(r => r.Indicator.Id).ToHashSet(StringComparer.Ordinal);
        var result = new ImportResult(opd.Id, targetYear.Value, isDryRun!.Value,
            rows.Count(r => r.Action == ImportedRow.Create), rows.Count(r => r.Action == ImportedRow.Update), rows.Count(r => r.Action == ImportedRow.Unchanged),
            all.Count(i => i.OpdId == opd.Id && i.Year == targetYear && !touched.Contains(i.Id)),
            sheet.Separator, sheet.Encoding, sheet.HeaderRow, sheet.IgnoredColumns, rows);
        if (isDryRun == false)
        {
            MasterDataLog.IndicatorsImported(MasterDataLog.For(logs), user.TenantId, opd.Id, targetYear.Value, user.Id, result.Created, result.Updated, result.Unchanged);
        }

        return TypedResults.Ok(result);
    }

    /// <summary>
    /// 400 with the row errors twice: as <c>rowErrors</c> (row, column, message) for clients that show a table, and as
    /// the usual <c>errors</c> map ("baris 7: TW II" → messages) so a generic problem display still lists them.
    /// </summary>
    private static IResult Invalid(IReadOnlyList<ImportRowError> errors)
    {
        var shown = errors.Take(MaxReportedErrors).ToList();
        var map = shown
            .GroupBy(e => e.Column is null ? $"baris {e.Row}" : $"baris {e.Row}: {e.Column}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        int rowsWithErrors = errors.Select(e => e.Row).Distinct().Count();
        string detail = $"Berkas CSV belum dapat diimpor: {errors.Count} kesalahan pada {rowsWithErrors} baris. Tidak ada data yang disimpan; perbaiki lalu kirim ulang berkas yang sama."
            + (errors.Count > shown.Count ? $" Hanya {shown.Count} kesalahan pertama yang ditampilkan." : "");
        return TypedResults.ValidationProblem(map, detail, title: Problems.TitleFor(400),
            extensions: new Dictionary<string, object?> { ["code"] = "csv-invalid", ["rowErrors"] = shown, ["errorCount"] = errors.Count });
    }

    /// <summary>Reads the body up to <paramref name="limit"/> bytes; null when it is longer (a chunked upload has no length to check up front).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
