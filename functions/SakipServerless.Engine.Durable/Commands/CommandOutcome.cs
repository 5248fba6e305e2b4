using SakipServerless.Core.Runs;

namespace SakipServerless.Engine.Durable.Commands;

/// <summary>What became of one command: applied at <paramref name="Version"/>, or refused by the domain (nothing changed).</summary>
/// <param name="Version">The run's version after the command (the version it stayed at when refused).</param>
/// <param name="ExistingRunId">For a start refused because the OPD has a run for this SOP and period: that run.</param>
public sealed record CommandOutcome(string CommandId, bool Applied, int Version, DomainErrorKind? ErrorKind = null, string? Code = null, string? Message = null,
    string? ExistingRunId = null)
{
    public static CommandOutcome Refused(string commandId, int version, DomainException e) => new(commandId, false, version, e.Kind, e.Code, e.Message);

    /// <summary>The domain's refusal again, for callers that answer it the way the embedded engine's exception is answered.</summary>
    public DomainException ToException() =>
        Applied ? throw new InvalidOperationException($"Command {CommandId} was applied.") : new DomainException(ErrorKind!.Value, Code!, Message!);
}
