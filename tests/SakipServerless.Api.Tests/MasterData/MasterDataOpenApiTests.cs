using System.Net;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.MasterData;

public sealed class MasterDataOpenApiTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task TheDocument_DescribesTheMasterDataRoutes_AndTheirBodies()
    {
        var doc = await (await _factory.CreateClient().GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");

        foreach (string path in new[] { "/api/tenants/current", "/api/opds", "/api/opds/{opdId}", "/api/users", "/api/users/{userId}",
                     "/api/opds/{opdId}/indicators", "/api/opds/{opdId}/indicators/{indicatorId}", "/api/opds/{opdId}/indicators/import" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }

        Assert.True(paths.GetProperty("/api/opds").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(paths.GetProperty("/api/opds/{opdId}/indicators/import").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
    }
}
