using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.FileSystem;

namespace SakipServerless.Api.Files;

/// <summary>Registrations of evidence files: options, the file store, inspection, history recording, clean-up.</summary>
public static class FilesServiceCollectionExtensions
{
    public static IServiceCollection AddSakipFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<EvidenceOptions>, EvidenceLocationValidator>();
        services.AddSingleton<IFileStore>(sp =>
        {
            var evidence = sp.GetRequiredService<IOptions<EvidenceOptions>>().Value;
            if (evidence.Provider == "blob")
            {
                return BlobEvidenceStore.Create(evidence);
            }

            string? root = evidence.Root;
            if (string.IsNullOrWhiteSpace(root))
            {
                // Beside the database: the data folder, outside any web root, kept (or removed) together with it.
                string database = sp.GetRequiredService<IOptions<SakipOptions>>().Value.Storage.SqlitePath;
                string folder = Path.GetDirectoryName(Path.GetFullPath(database)) ?? Directory.GetCurrentDirectory();
                root = Path.Combine(folder, "files");
            }

            return new FileSystemFileStore(root);
        });
        services.AddSingleton<EvidenceInspector>();
        services.AddSingleton<EvidenceLedger>();
        services.AddSingleton<EvidenceUploader>();
        services.AddSingleton<UploadJanitor>();
        services.AddHostedService<UploadJanitorService>();
        return services;
    }
}
