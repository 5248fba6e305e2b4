using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Storage;

namespace SakipServerless.Api.Files;

/// <summary>
/// The filesystem file store's default folder is the SQLite data folder. With Cosmos DB there is no such folder (and in
/// Azure the package is read-only), so evidence must go to Blob Storage or to a folder named explicitly.
/// </summary>
public sealed class EvidenceLocationValidator(IOptions<SakipOptions> sakip) : IValidateOptions<EvidenceOptions>
{
    public ValidateOptionsResult Validate(string? name, EvidenceOptions options)
    {
        bool cosmos = StorageProviders.IsCosmos(sakip.Value.Storage.Provider);
        return cosmos && options.Provider != "blob" && string.IsNullOrWhiteSpace(options.Root)
            ? ValidateOptionsResult.Fail(
                "Dengan Sakip:Storage:Provider = cosmos tidak ada folder data SQLite untuk berkas bukti: setel Sakip:Files:Provider = blob "
                + "(atau Sakip:Files:Root secara eksplisit). / With the cosmos storage provider there is no SQLite data folder for evidence: "
                + "set Sakip:Files:Provider to blob (or an explicit Sakip:Files:Root).")
            : ValidateOptionsResult.Success;
    }
}
