using Microsoft.Extensions.Options;

namespace SakipServerless.Api.Files;

/// <summary>Runs <see cref="UploadJanitor"/> every <see cref="EvidenceOptions.JanitorIntervalMinutes"/>, first after one interval.</summary>
public sealed class UploadJanitorService(UploadJanitor janitor, IOptions<EvidenceOptions> options, ILogger<UploadJanitorService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.JanitorEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.JanitorIntervalMinutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await janitor.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                FilesLog.PurgeFailed(log, e);
            }
        }
    }
}
