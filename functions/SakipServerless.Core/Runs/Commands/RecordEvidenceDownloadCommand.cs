namespace SakipServerless.Core.Runs.Commands;

/// <summary>Records that someone read an evidence file of the run (history only, in any run status).</summary>
public sealed record RecordEvidenceDownloadCommand(string FileId) : RunCommand
{
    public override void ApplyTo(SopRun run, Actor by, RunContext ctx) => run.RecordEvidenceDownload(FileId, by, ctx.Now);
}
