using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.FileSystem;

namespace SakipServerless.Api.Tests.Files;

/// <summary>
/// The seeded test world with a run of kesbangpol (jeneponto) at its collect step, an inspektorat user, and helpers
/// to upload and to see what the file store holds.
/// </summary>
public sealed class EvidenceWorld : IAsyncDisposable
{
    public const string CollectStep = "menyerahkan-bahan-laporan";

    private EvidenceWorld(ApiFactory factory, TestWorld world)
    {
        Factory = factory;
        World = world;
    }

    public ApiFactory Factory { get; }

    public TestWorld World { get; }

    public string RunId { get; private set; } = "";

    public FileSystemFileStore Store => (FileSystemFileStore)Factory.Services.GetRequiredService<IFileStore>();

    public static async Task<EvidenceWorld> CreateAsync(IDictionary<string, string?>? settings = null, bool toCollectStep = true,
        Action<IServiceCollection>? services = null, RunEngineKind engine = RunEngineKind.Embedded)
    {
        var factory = new ApiFactory(settings: settings, services: services, engine: engine);
        var world = new TestWorld(factory);
        await world.SeedAsync();
        foreach (string tenant in new[] { TestWorld.Tenant, TestWorld.OtherTenant })
        {
            await world.Documents.PutAsync(tenant, DocumentKinds.User, "inspektorat",
                new AppUser { Id = "inspektorat", TenantId = tenant, Name = "Inspektur Pembantu", Roles = [WellKnownRoles.Inspektorat] });
        }

        var evidence = new EvidenceWorld(factory, world);
        evidence.RunId = await evidence.StartRunAsync(TestWorld.Opd, toCollectStep);
        return evidence;
    }

    public Task<HttpClient> ClientAsync(string userId, string tenant = TestWorld.Tenant) => World.ClientAsync(userId, tenant);

    /// <summary>
    /// A signed-in client that streams request bodies as they are produced. The default test client follows redirects,
    /// and to replay a request it first reads the whole body into memory, which would hide a connection dropping mid-body.
    /// </summary>
    public async Task<HttpClient> StreamingClientAsync(string userId)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = (await ClientAsync(userId)).DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>Starts the Q1 run of an OPD and, when asked, drives it through its two dispositions to the collect step.</summary>
    public async Task<string> StartRunAsync(string opd, bool toCollectStep = true, string period = "2026-Q1")
    {
        var head = await ClientAsync($"{opd}-kepala");
        var run = await (await head.PostJsonAsync("/api/runs", new { opdId = opd, period })).JsonAsync(HttpStatusCode.Created);
        string id = run.GetProperty("id").GetString()!;
        if (toCollectStep)
        {
            var kabid = await ClientAsync($"{opd}-kabid");
            await (await kabid.PostJsonAsync($"/api/runs/{id}/steps/menugaskan-kasubag-kasubid/complete", new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" } })).JsonAsync(HttpStatusCode.OK);
            var kasubag = await ClientAsync($"{opd}-kasubid-kasubag");
            await (await kasubag.PostJsonAsync($"/api/runs/{id}/steps/memerintahkan-analis/complete", new { output = "Disposisi", kelengkapan = new[] { "Disposisi" } })).JsonAsync(HttpStatusCode.OK);
        }

        return id;
    }

    public static MultipartFormDataContent Multipart(byte[] content, string fileName, string? contentType = "application/octet-stream", string field = "file")
    {
        var part = new ByteArrayContent(content);
        if (contentType is not null)
        {
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return new MultipartFormDataContent { { part, field, fileName } };
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string runId, byte[] content, string fileName, string? contentType = "application/octet-stream") =>
        client.PostAsync($"/api/runs/{runId}/files", Multipart(content, fileName, contentType));

    public async Task<JsonElement> UploadOkAsync(HttpClient client, byte[] content, string fileName, string? contentType = "application/octet-stream") =>
        await (await UploadAsync(client, RunId, content, fileName, contentType)).JsonAsync(HttpStatusCode.Created);

    public async Task<JsonElement> RunAsync(string runId, string userId = "kesbangpol-kabid") =>
        await (await (await ClientAsync(userId)).GetAsync($"/api/runs/{runId}")).JsonAsync(HttpStatusCode.OK);

    /// <summary>Every file the store holds, stored and staged, relative to its root.</summary>
    public IReadOnlyList<string> StoredPaths() =>
        Directory.EnumerateFiles(Store.Root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Store.Root, p)).Order().ToList();

    public static IEnumerable<JsonElement> Events(JsonElement run, string type) =>
        run.GetProperty("history").EnumerateArray().Where(e => e.GetProperty("type").GetString() == type);

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
