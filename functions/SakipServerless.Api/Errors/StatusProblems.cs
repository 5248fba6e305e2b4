using Microsoft.AspNetCore.Http;

namespace SakipServerless.Api.Errors;

/// <summary>
/// Gives the problem+json answers the framework writes by itself (401 from authentication, 403, an unknown route,
/// a wrong method) the same Indonesian title, detail and <c>code</c> as our own; answers that already carry a detail
/// are left alone.
/// </summary>
public static class StatusProblems
{
    public static void Customize(ProblemDetailsOptions options) => options.CustomizeProblemDetails = context =>
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null || problem.Status is not { } status)
        {
            return;
        }

        (string code, string detail)? text = status switch
        {
            401 => ("unauthenticated", "Silakan masuk terlebih dahulu; sesi tidak ada, kedaluwarsa, atau tidak dikenali."),
            403 => ("forbidden", "Anda tidak memiliki hak untuk permintaan ini."),
            404 => ("not-found", "Alamat yang diminta tidak ada."),
            405 => ("method-not-allowed", "Metode HTTP ini tidak didukung untuk alamat tersebut."),
            415 => ("unsupported-media-type", "Jenis isi permintaan tidak didukung untuk alamat ini."),
            _ => null,
        };
        if (text is { } t)
        {
            problem.Title = Problems.TitleFor(status);
            problem.Detail = t.detail;
            problem.Extensions["code"] = t.code;
        }
    };
}
