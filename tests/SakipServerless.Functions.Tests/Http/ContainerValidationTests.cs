using Microsoft.AspNetCore.Builder;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using SakipServerless.Api.Hosting;
using SakipServerless.Functions.Hosting;
using SakipServerless.Functions.Tests.Support;

namespace SakipServerless.Functions.Tests.Http;

/// <summary>
/// Both hosts build with their containers validated, as they are in Development (every registration resolvable):
/// what the Functions app adds for its durable client must not leak into the local host, which has no such client.
/// </summary>
public sealed class ContainerValidationTests
{
    [Fact]
    public async Task TheLocalHost_BuildsInDevelopment()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(TestSettings.For(TestSettings.NewDatabasePath()));
        builder.AddSakipBackend();

        await using var app = builder.Build(); // ValidateOnBuild in Development: throws on an unresolvable registration
    }

    [Fact]
    public void TheFunctionsApp_BuildsInDevelopment()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Environment.EnvironmentName = "Development";
        builder.Configuration.AddInMemoryCollection(TestSettings.For(TestSettings.NewDatabasePath()));
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddSakipFunctionsApp(builder.Configuration, builder.Environment);

        using var host = builder.Build();
    }
}
