using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SakipServerless.Core;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Templates;
using SakipServerless.Dashboard.Api.Models;
using SakipServerless.Dashboard.Overview;

namespace SakipServerless.Dashboard.Api;

/// <summary>
/// The typed client of the backend's HTTP API — the dashboard's only way to data. Reads return
/// <see cref="ApiResult{T}"/> so pages show a backend refusal (403, 404, validation) as a message; a 401 throws
/// <see cref="ApiUnauthorizedException"/>, which the sign-in middleware turns into a redirect to the sign-in page.
/// </summary>
public sealed class SakipApiClient(HttpClient http, ApiCaller caller, BackendClock clock)
{
    private static readonly JsonSerializerOptions Json = CoreJson.Options;

    public Task<ApiResult<TokenDto>> DevSignInAsync(string tenantId, string userId, CancellationToken ct) =>
        SendAsync<TokenDto>(HttpMethod.Post, "api/dev/token", new { tenantId, userId }, null, null, ct, allowAnonymous: true);

    /// <summary>The profile for a token not yet in a cookie (right after sign-in).</summary>
    public Task<ApiResult<MeDto>> GetMeAsync(string? token, CancellationToken ct) => SendAsync<MeDto>(HttpMethod.Get, "api/me", null, token, null, ct);

    public Task<ApiResult<TenantDto>> GetTenantAsync(string? token, CancellationToken ct) =>
        SendAsync<TenantDto>(HttpMethod.Get, "api/tenants/current", null, token, null, ct);

    public Task<ApiResult<OverviewDto>> GetOverviewAsync(Slicers slicers, CancellationToken ct) =>
        SendAsync<OverviewDto>(HttpMethod.Get, "api/dashboard/overview" + slicers.ToApiQuery(), null, null, null, ct);

    public Task<ApiResult<CapaianReportDto>> GetCapaianAsync(Slicers slicers, CancellationToken ct) =>
        SendAsync<CapaianReportDto>(HttpMethod.Get, "api/dashboard/capaian" + slicers.ToApiQuery(), null, null, null, ct);

    public Task<ApiResult<List<Opd>>> GetOpdsAsync(CancellationToken ct) => SendAsync<List<Opd>>(HttpMethod.Get, "api/opds", null, null, null, ct);

    public Task<ApiResult<List<IndicatorRecord>>> GetIndicatorsAsync(string opdId, int year, CancellationToken ct) =>
        SendAsync<List<IndicatorRecord>>(HttpMethod.Get, $"api/opds/{Uri.EscapeDataString(opdId)}/indicators?year={year}", null, null, null, ct);

    public Task<ApiResult<List<RunSummaryDto>>> ListRunsAsync(string? opdId, int? year, CancellationToken ct)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(opdId)) query.Add("opdId=" + Uri.EscapeDataString(opdId));
        if (year is { } y) query.Add("year=" + y);
        return SendAsync<List<RunSummaryDto>>(HttpMethod.Get, "api/runs" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), null, null, null, ct);
    }

    public Task<ApiResult<RunDto>> GetRunAsync(string runId, CancellationToken ct) =>
        SendAsync<RunDto>(HttpMethod.Get, $"api/runs/{Uri.EscapeDataString(runId)}", null, null, null, ct);

    public Task<ApiResult<SopTemplate>> GetTemplateAsync(string templateId, int version, CancellationToken ct) =>
        SendAsync<SopTemplate>(HttpMethod.Get, $"api/templates/{Uri.EscapeDataString(templateId)}?version={version}", null, null, null, ct);

    public Task<ApiResult<List<MyTaskDto>>> GetMyTasksAsync(CancellationToken ct) => SendAsync<List<MyTaskDto>>(HttpMethod.Get, "api/me/tasks", null, null, null, ct);

    public Task<ApiResult<RunDto>> CompleteStepAsync(string runId, string stepId, CompleteRequest body, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync($"{StepPath(runId, stepId)}/complete", body, idempotencyKey, ct);

    public Task<ApiResult<RunDto>> ApproveStepAsync(string runId, string stepId, CompleteRequest body, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync($"{StepPath(runId, stepId)}/approve", body, idempotencyKey, ct);

    public Task<ApiResult<RunDto>> ReturnStepAsync(string runId, string stepId, string reason, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync($"{StepPath(runId, stepId)}/return", new ReasonRequest(reason), idempotencyKey, ct);

    public Task<ApiResult<RunDto>> SubmitUnitAsync(string runId, string stepId, string unitId, SubmitRequest body, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync($"{UnitPath(runId, stepId, unitId)}/submit", body, idempotencyKey, ct);

    public Task<ApiResult<RunDto>> AcceptUnitAsync(string runId, string stepId, string unitId, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync($"{UnitPath(runId, stepId, unitId)}/accept", new { }, idempotencyKey, ct);

    public Task<ApiResult<RunDto>> ReturnUnitAsync(string runId, string stepId, string unitId, string reason, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync($"{UnitPath(runId, stepId, unitId)}/return", new ReasonRequest(reason), idempotencyKey, ct);

    /// <summary>
    /// Sends one evidence file to the backend as <c>multipart/form-data</c> field <c>file</c> (contract of the uploads
    /// issue). The content is streamed from <paramref name="content"/>, never held whole in memory.
    /// </summary>
    public async Task<ApiResult<UploadedFileDto>> UploadFileAsync(string runId, Stream content, string fileName, string? contentType, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content, 81920);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/runs/{Uri.EscapeDataString(runId)}/files") { Content = form };
        return await ReadAsync<UploadedFileDto>(request, ct);
    }

    /// <summary>
    /// Opens a rekap export (<c>xlsx</c> or <c>csv</c>) for streaming to the browser; the caller disposes the response.
    /// Null with a problem when the backend refused.
    /// </summary>
    public Task<(HttpResponseMessage? Response, ApiProblem? Problem)> OpenExportAsync(string format, Slicers slicers, CancellationToken ct) =>
        OpenStreamAsync($"api/dashboard/rekap.{format}" + slicers.ToApiQuery(), ct);

    // Administration of the pemda (admins; the backend refuses everyone else with 403).
    public Task<ApiResult<TenantSettingsDto>> GetTenantSettingsAsync(CancellationToken ct) =>
        SendAsync<TenantSettingsDto>(HttpMethod.Get, "api/tenants/current", null, null, null, ct);

    public Task<ApiResult<TenantSettingsDto>> PutTenantSettingsAsync(object settings, CancellationToken ct) =>
        SendAsync<TenantSettingsDto>(HttpMethod.Put, "api/tenants/current", settings, null, null, ct);

    public Task<ApiResult<List<TemplateSummaryDto>>> GetTemplatesAsync(CancellationToken ct) =>
        SendAsync<List<TemplateSummaryDto>>(HttpMethod.Get, "api/templates", null, null, null, ct);

    public Task<ApiResult<Opd>> CreateOpdAsync(object opd, CancellationToken ct) => SendAsync<Opd>(HttpMethod.Post, "api/opds", opd, null, null, ct);

    public Task<ApiResult<Opd>> UpdateOpdAsync(string opdId, object opd, CancellationToken ct) =>
        SendAsync<Opd>(HttpMethod.Put, $"api/opds/{Uri.EscapeDataString(opdId)}", opd, null, null, ct);

    public Task<ApiResult<List<AppUser>>> GetUsersAsync(CancellationToken ct) => SendAsync<List<AppUser>>(HttpMethod.Get, "api/users", null, null, null, ct);

    public Task<ApiResult<AppUser>> CreateUserAsync(object user, CancellationToken ct) => SendAsync<AppUser>(HttpMethod.Post, "api/users", user, null, null, ct);

    public Task<ApiResult<AppUser>> UpdateUserAsync(string userId, object user, CancellationToken ct) =>
        SendAsync<AppUser>(HttpMethod.Put, $"api/users/{Uri.EscapeDataString(userId)}", user, null, null, ct);

    /// <summary>Imports (or with <paramref name="dryRun"/> checks) an indicator sheet for an OPD and year; row errors come back in the problem.</summary>
    public async Task<ApiResult<IndicatorImportDto>> ImportIndicatorsAsync(string opdId, int year, byte[] csv, bool dryRun, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"api/opds/{Uri.EscapeDataString(opdId)}/indicators/import?year={year}&dryRun={(dryRun ? "true" : "false")}")
        {
            Content = new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
        };
        return await ReadAsync<IndicatorImportDto>(request, ct);
    }

    /// <summary>
    /// Drafts a template from an SOP document (.docx, text-layer .pdf or text; the backend reads the type from the
    /// bytes). The draft comes back as the backend wrote it, so publishing sends exactly what was reviewed.
    /// </summary>
    public async Task<ApiResult<string>> ImportTemplateAsync(byte[] document, string fileName, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/templates/import?fileName={Uri.EscapeDataString(fileName)}")
        {
            Content = new ByteArrayContent(document) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        };
        return await ReadTextAsync(request, ct);
    }

    /// <summary>Publishes a template (a reviewed draft's JSON) as the next version of its id.</summary>
    public async Task<ApiResult<SopTemplate>> PublishTemplateAsync(string templateJson, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/templates")
        {
            Content = new StringContent(templateJson, System.Text.Encoding.UTF8, "application/json"),
        };
        return await ReadAsync<SopTemplate>(request, ct);
    }

    /// <summary>Management of a run by its head of OPD or the admin; each needs a reason except resuming.</summary>
    public Task<ApiResult<RunDto>> SuspendRunAsync(string runId, string reason, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync($"api/runs/{Uri.EscapeDataString(runId)}/suspend", new { reason }, idempotencyKey, ct);

    public Task<ApiResult<RunDto>> ResumeRunAsync(string runId, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync($"api/runs/{Uri.EscapeDataString(runId)}/resume", new { }, idempotencyKey, ct);

    public Task<ApiResult<RunDto>> TerminateRunAsync(string runId, string reason, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync($"api/runs/{Uri.EscapeDataString(runId)}/terminate", new { reason }, idempotencyKey, ct);

    public Task<ApiResult<RunDto>> RestartStepAsync(string runId, string stepId, string reason, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync($"{StepPath(runId, stepId)}/restart", new { reason }, idempotencyKey, ct);

    /// <summary>Starts the run of one OPD for a period (201 with the run; 409 when it exists).</summary>
    public Task<ApiResult<RunDto>> StartRunAsync(string opdId, string period, string? idempotencyKey, CancellationToken ct) =>
        CommandAsync("api/runs", new { opdId, period }, idempotencyKey, ct);

    /// <summary>Starts the period's run for every OPD of the pemda (admins); one outcome per OPD.</summary>
    public Task<ApiResult<List<StartAllResultDto>>> StartAllRunsAsync(string period, CancellationToken ct) =>
        SendAsync<List<StartAllResultDto>>(HttpMethod.Post, "api/runs/start-all", new { period }, null, null, ct);

    /// <summary>My inbox, newest first, with the unread count over all of it (<c>limit=1</c> for the count alone).</summary>
    public Task<ApiResult<InboxDto>> GetInboxAsync(int limit, CancellationToken ct) =>
        SendAsync<InboxDto>(HttpMethod.Get, $"api/me/inbox?limit={limit}", null, null, null, ct);

    public Task<ApiResult<bool>> MarkReadAsync(string notificationId, CancellationToken ct) =>
        SendWithoutAnswerAsync(HttpMethod.Post, $"api/me/inbox/{Uri.EscapeDataString(notificationId)}/read", ct);

    public Task<ApiResult<MarkAllReadDto>> MarkAllReadAsync(CancellationToken ct) =>
        SendAsync<MarkAllReadDto>(HttpMethod.Post, "api/me/inbox/read-all", null, null, null, ct);

    /// <summary>Webhook deliveries of the pemda that failed or are being retried (admins only; others get 403).</summary>
    public Task<ApiResult<List<WebhookDeliveryDto>>> GetWebhookFailuresAsync(CancellationToken ct) =>
        SendAsync<List<WebhookDeliveryDto>>(HttpMethod.Get, "api/notifications/webhook-failures?limit=50", null, null, null, ct);

    /// <summary>The evidence files of a run, in upload order (<c>GET /api/runs/{id}/files</c>).</summary>
    public Task<ApiResult<List<UploadedFileDto>>> ListFilesAsync(string runId, CancellationToken ct) =>
        SendAsync<List<UploadedFileDto>>(HttpMethod.Get, $"api/runs/{Uri.EscapeDataString(runId)}/files", null, null, null, ct);

    /// <summary>Opens one evidence file for streaming to the browser (the backend records the download in the run's history).</summary>
    public Task<(HttpResponseMessage? Response, ApiProblem? Problem)> OpenFileAsync(string runId, string fileId, CancellationToken ct) =>
        OpenStreamAsync($"api/runs/{Uri.EscapeDataString(runId)}/files/{Uri.EscapeDataString(fileId)}", ct);

    /// <summary>A GET whose body is streamed on by the caller, who disposes the response; null with a problem when the backend refused.</summary>
    private async Task<(HttpResponseMessage? Response, ApiProblem? Problem)> OpenStreamAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        HttpResponseMessage response;
        try
        {
            response = await SendAuthenticatedAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            return (null, ApiProblem.Unreachable(Unreachable(e)));
        }

        if (response.IsSuccessStatusCode)
        {
            return (response, null);
        }

        using (response)
        {
            return (null, await ProblemOfAsync(response, ct));
        }
    }

    private static string StepPath(string runId, string stepId) => $"api/runs/{Uri.EscapeDataString(runId)}/steps/{Uri.EscapeDataString(stepId)}";

    private static string UnitPath(string runId, string stepId, string unitId) => $"{StepPath(runId, stepId)}/units/{Uri.EscapeDataString(unitId)}";

    /// <summary>
    /// A run command. The pages only need to know it went through (they redirect and read the run afresh), so the
    /// answer is asked for without the run's history (<c>Prefer: return=minimal</c>), which is most of its size.
    /// </summary>
    private async Task<ApiResult<RunDto>> CommandAsync(string path, object body, string? idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        request.Headers.Add("Prefer", "return=minimal");
        return await ReadAsync<RunDto>(request, ct);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? token, string? idempotencyKey,
        CancellationToken ct, bool allowAnonymous = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await ReadAsync<T>(request, ct, allowAnonymous);
    }

    /// <summary>An answer kept as its JSON text.</summary>
    private Task<ApiResult<string>> ReadTextAsync(HttpRequestMessage request, CancellationToken ct) =>
        ExchangeAsync(request, async response => ApiResult<string>.Success(await response.Content.ReadAsStringAsync(ct)), ct);

    /// <summary>A command the backend answers with 204 and no body.</summary>
    private async Task<ApiResult<bool>> SendWithoutAnswerAsync(HttpMethod method, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        return await ExchangeAsync(request, _ => Task.FromResult(ApiResult<bool>.Success(true)), ct);
    }

    private Task<ApiResult<T>> ReadAsync<T>(HttpRequestMessage request, CancellationToken ct, bool allowAnonymous = false) =>
        ExchangeAsync(request, async response =>
        {
            var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return value is null
                ? ApiResult<T>.Failure(new ApiProblem(502, "Jawaban server kosong", null, "empty", new Dictionary<string, string[]>()))
                : ApiResult<T>.Success(value);
        }, ct, allowAnonymous);

    /// <summary>
    /// One request and the rules every answer follows: unreachable → a problem, 401 → the session is over (unless
    /// signing in), another refusal → its problem, success → <paramref name="read"/>.
    /// </summary>
    private async Task<ApiResult<T>> ExchangeAsync<T>(HttpRequestMessage request, Func<HttpResponseMessage, Task<ApiResult<T>>> read,
        CancellationToken ct, bool allowAnonymous = false)
    {
        HttpResponseMessage response;
        try
        {
            response = await SendAuthenticatedAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (HttpRequestException e)
        {
            return ApiResult<T>.Failure(ApiProblem.Unreachable(Unreachable(e)));
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized && !allowAnonymous)
            {
                throw new ApiUnauthorizedException();
            }

            return response.IsSuccessStatusCode ? await read(response) : ApiResult<T>.Failure(await ProblemOfAsync(response, ct));
        }
    }

    /// <summary>
    /// Every call goes out here: the caller's token unless the call brought one (sign-in), and the backend's clock
    /// read from the answer.
    /// </summary>
    private async Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        if (request.Headers.Authorization is null && caller.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await http.SendAsync(request, completion, ct);
        clock.Observe(response);
        return response;
    }

    private static string Unreachable(HttpRequestException e) =>
        $"Server SAKIP tidak dapat dihubungi ({e.HttpRequestError}). Coba lagi sebentar lagi.";

    /// <summary>Reads an RFC 7807 body; anything else becomes a problem with the status and a generic sentence.</summary>
    private static async Task<ApiProblem> ProblemOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        int status = (int)response.StatusCode;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string? title = null, detail = null, code = null;
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                title = Text(root, "title");
                detail = Text(root, "detail");
                code = Text(root, "code");
                if (root.TryGetProperty("errors", out var map) && map.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in map.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? [.. field.Value.EnumerateArray().Select(m => m.GetString() ?? "")]
                            : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's HTML page, an empty body): the status alone has to do.
        }

        if (title is null && detail is null)
        {
            detail = status switch
            {
                403 => "Anda tidak memiliki akses untuk tindakan ini.",
                404 => "Data tidak ditemukan.",
                >= 500 => "Terjadi kesalahan pada server SAKIP. Coba lagi sebentar lagi.",
                _ => $"Permintaan gagal (kode {status}).",
            };
        }

        return new ApiProblem(status, title, detail, code, errors);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
