namespace SakipServerless.Core.Runs.Commands;

/// <summary>Records an evidence file the file store now holds (history only); an identical earlier upload (same name and content) makes it a no-op.</summary>
/// <param name="MaxFiles">The run's file limit: a new file beyond it is refused.</param>
public sealed record RecordEvidenceUploadCommand(EvidenceFile File, int MaxFiles) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx)
    {
        if (run.Evidence.Count >= MaxFiles && run.FindEvidence(File.Id) is null)
        {
            throw DomainException.Conflict("evidence-limit", $"Pelaksanaan SOP ini sudah memiliki {run.Evidence.Count} berkas bukti, batas yang diizinkan.");
        }

        run.RecordEvidenceUpload(File, by, ctx.Now);
    }
}
