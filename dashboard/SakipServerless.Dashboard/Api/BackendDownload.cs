namespace SakipServerless.Dashboard.Api;

/// <summary>
/// A file the backend streams (rekap export, evidence) passed on to the browser under the backend's file name, or the
/// backend's refusal as plain text with its status. The response is disposed with the request.
/// </summary>
public static class BackendDownload
{
    public static async Task<IResult> ToResultAsync(HttpContext http, HttpResponseMessage? response, ApiProblem? problem, string fallbackName, string refusal)
    {
        if (response is null)
        {
            return Results.Content($"{refusal}: {problem!.Describe()}", "text/plain; charset=utf-8", statusCode: problem.Status);
        }

        http.Response.RegisterForDispose(response);
        var headers = response.Content.Headers;
        string fileName = headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"') ?? fallbackName;
        return Results.Stream(await response.Content.ReadAsStreamAsync(http.RequestAborted), headers.ContentType?.ToString(), fileName);
    }
}
