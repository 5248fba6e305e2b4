namespace SakipServerless.Core.Storage;

/// <summary>A run for the same tenant, OPD, template and period exists already.</summary>
public sealed class RunAlreadyExistsException(string existingRunId)
    : Exception($"Pelaksanaan SOP untuk OPD, SOP dan periode ini sudah ada: {existingRunId}.")
{
    public string ExistingRunId { get; } = existingRunId;
}
