using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Storage;

/// <summary>
/// Checks the storage selection on start: a known provider, a Cosmos DB account to reach, and no test conveniences
/// (creating containers, accepting a self-signed certificate) in Production. Messages in Indonesian, then English.
/// </summary>
public sealed class StorageOptionsValidator(IHostEnvironment env) : IValidateOptions<SakipOptions>
{
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

            if (env.IsProduction() && cosmos.AcceptEmulatorCertificate)
            {
                failures.Add("Sakip:Storage:Cosmos:AcceptEmulatorCertificate harus mati di Production. / "
                    + "AcceptEmulatorCertificate (self-signed certificates) must be off in Production.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
