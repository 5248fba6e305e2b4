using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Storage;

/// <summary>
/// Checks the storage selection on start: a known provider, a Cosmos DB account to reach, and no test conveniences: no
/// creating containers in Production, no self-signed certificate outside Development and Testing. Messages in Indonesian, then English.
/// </summary>
public sealed class StorageOptionsValidator(IHostEnvironment env) : IValidateOptions<SakipOptions>
{
    /// <summary>The environment the test host runs in.</summary>
    public const string TestingEnvironment = "Testing";

    public ValidateOptionsResult Validate(string? name, SakipOptions options)
    {
        var storage = options.Storage;
        var failures = new List<string>();
        if (!StorageProviders.IsKnown(storage.Provider))
        {
            failures.Add($"Sakip:Storage:Provider '{storage.Provider}' tidak dikenal; gunakan 'sqlite' atau 'cosmos'. / Unknown storage provider; use 'sqlite' or 'cosmos'.");
        }
        else if (StorageProviders.IsCosmos(storage.Provider))
        {
            var cosmos = storage.Cosmos;
            if (string.IsNullOrWhiteSpace(cosmos.Endpoint) && string.IsNullOrWhiteSpace(cosmos.ConnectionString))
            {
                failures.Add("Sakip:Storage:Cosmos:Endpoint (atau ConnectionString) wajib diisi bila Sakip:Storage:Provider = cosmos. / "
                    + "Sakip:Storage:Cosmos:Endpoint (or ConnectionString) is required when the storage provider is cosmos.");
            }
            else if (!string.IsNullOrWhiteSpace(cosmos.Endpoint) && !Uri.TryCreate(cosmos.Endpoint, UriKind.Absolute, out _))
            {
                failures.Add($"Sakip:Storage:Cosmos:Endpoint '{cosmos.Endpoint}' bukan URL absolut. / The Cosmos DB endpoint is not an absolute URL.");
            }

            if (env.IsProduction() && cosmos.CreateIfMissing)
            {
                failures.Add("Sakip:Storage:Cosmos:CreateIfMissing harus mati di Production: database dan container dibuat oleh infra. / "
                    + "CreateIfMissing must be off in Production: infra creates the database and containers.");
            }

            // A certificate check switched off belongs to a developer's machine or a test run, nowhere else.
            if (cosmos.AcceptEmulatorCertificate && !(env.IsDevelopment() || env.IsEnvironment(TestingEnvironment)))
            {
                failures.Add($"Sakip:Storage:Cosmos:AcceptEmulatorCertificate hanya boleh di Development atau {TestingEnvironment}, bukan {env.EnvironmentName}. / "
                    + $"AcceptEmulatorCertificate (self-signed certificates) is allowed in Development or {TestingEnvironment} only.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
