namespace SakipServerless.Core.Runs;

/// <summary>What the assignee hands in when completing or approving a step: the output note, the kelengkapan confirmed present, evidence file ids.</summary>
public sealed record StepCompletion(string? Output, IReadOnlyCollection<string> Kelengkapan, IReadOnlyList<string> EvidenceFileIds)
{
    public StepCompletion(string? output, params string[] kelengkapan)
        : this(output, kelengkapan, [])
    {
    }
}
