using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Storage;

/// <summary>
/// Selecting Cosmos DB with settings that cannot work, or that are unsafe in Production, stops the app at start with a
/// message naming the setting (Indonesian, then English). No server is needed: validation runs before any connection.
/// </summary>
public sealed class CosmosStartupTests
{
    private const string Endpoint = "https://127.0.0.1:8081/";

    [Fact]
    public void Cosmos_WithoutAnEndpoint_RefusesToStart_NamingTheSetting()
    {
        string message = StartFailure(new() { ["Sakip:Storage:Provider"] = "cosmos", ["Sakip:Files:Provider"] = "blob" });

        Assert.Contains("Sakip:Storage:Cosmos:Endpoint (atau ConnectionString) wajib diisi", message);
        Assert.Contains("is required when the storage provider is cosmos", message);
    }

    [Fact]
    public void Cosmos_WithEvidenceBesideADatabaseFileThatDoesNotExist_RefusesToStart()
    {
        string message = StartFailure(new() { ["Sakip:Storage:Provider"] = "cosmos", ["Sakip:Storage:Cosmos:Endpoint"] = Endpoint });

        Assert.Contains("Sakip:Files:Provider = blob", message);
    }

    [Fact]
    public void Production_CreatingContainersOrAcceptingASelfSignedCertificate_IsRefused()
    {
        string message = StartFailure(new()
        {
            ["Sakip:Storage:Provider"] = "cosmos",
            ["Sakip:Storage:Cosmos:Endpoint"] = Endpoint,
            ["Sakip:Storage:Cosmos:CreateIfMissing"] = "true",
            ["Sakip:Storage:Cosmos:AcceptEmulatorCertificate"] = "true",
            ["Sakip:Files:Provider"] = "blob",
            ["Sakip:Development:EnableDevSignIn"] = "false",
            ["Sakip:Development:EnableClockOffset"] = "false",
        }, environment: "Production");

        Assert.Contains("CreateIfMissing harus mati di Production", message);
        Assert.Contains("AcceptEmulatorCertificate hanya boleh di Development atau Testing, bukan Production", message);
    }

    [Fact]
    public void Staging_AcceptingASelfSignedCertificate_IsRefused_ButMayCreateContainers()
    {
        string message = StartFailure(new()
        {
            ["Sakip:Storage:Provider"] = "cosmos",
            ["Sakip:Storage:Cosmos:Endpoint"] = Endpoint,
            ["Sakip:Storage:Cosmos:CreateIfMissing"] = "true",
            ["Sakip:Storage:Cosmos:AcceptEmulatorCertificate"] = "true",
            ["Sakip:Files:Provider"] = "blob",
        }, environment: "Staging");

        Assert.Contains("bukan Staging", message);
        Assert.DoesNotContain("CreateIfMissing", message);
    }

    [Fact]
    public void AnUnknownProvider_RefusesToStart()
    {
        Assert.Contains("'mongo' tidak dikenal", StartFailure(new() { ["Sakip:Storage:Provider"] = "mongo" }));
    }

    private static string StartFailure(Dictionary<string, string?> settings, string? environment = null)
    {
        using var factory = new ApiFactory(settings: settings);
        using var host = environment is null ? factory : factory.WithWebHostBuilder(b => b.UseEnvironment(environment));
        var ex = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        return ex is OptionsValidationException o ? string.Join(";", o.Failures) : ex.ToString();
    }
}
