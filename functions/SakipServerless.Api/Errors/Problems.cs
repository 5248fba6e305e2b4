using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace SakipServerless.Api.Errors;

/// <summary>RFC 7807 answers with a title and detail in Bahasa Indonesia and a stable <c>code</c> for clients.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail: detail, statusCode: status, title: TitleFor(status), extensions: ext);
    }

    public static ProblemHttpResult BadRequest(string code, string detail) => Create(StatusCodes.Status400BadRequest, code, detail);

    public static ProblemHttpResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, "not-found", detail);

    public static ProblemHttpResult Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, "forbidden", detail);

    public static ProblemHttpResult Conflict(string code, string detail, IDictionary<string, object?>? extensions = null) =>
        Create(StatusCodes.Status409Conflict, code, detail, extensions);

    /// <summary>400 with an <c>errors</c> map field → messages, for input that fails validation.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "Data yang dikirim belum benar; periksa isian yang ditandai.", title: TitleFor(400),
            extensions: new Dictionary<string, object?> { ["code"] = "validation" });

    public static string TitleFor(int status) => status switch
    {
        400 => "Permintaan tidak valid",
        401 => "Belum masuk",
        403 => "Tidak diizinkan",
        404 => "Tidak ditemukan",
        405 => "Metode tidak didukung",
        409 => "Konflik dengan keadaan saat ini",
        413 => "Data terlalu besar",
        415 => "Jenis data tidak didukung",
        422 => "Tidak dapat diproses",
        429 => "Terlalu banyak permintaan",
        _ => status >= 500 ? "Terjadi kesalahan pada server" : "Permintaan gagal",
    };
}
