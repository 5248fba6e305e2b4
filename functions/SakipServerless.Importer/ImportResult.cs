using SakipServerless.Core.Templates;

namespace SakipServerless.Importer;

/// <summary>
/// A draft template read from an SOP document, with everything the importer could not read with confidence.
/// The template carries the same warnings in <see cref="SopTemplate.ImportWarnings"/>, so its JSON is self-contained.
/// </summary>
/// <param name="Format">What the file was, as detected from its bytes.</param>
public sealed record ImportResult(SopTemplate Template, IReadOnlyList<ImportWarning> Findings, IReadOnlyList<StepEvidence> Steps, SopFileFormat Format = SopFileFormat.Text)
{
    /// <summary>The warnings' messages alone, in order.</summary>
    public IReadOnlyList<string> Warnings => [.. Findings.Select(f => f.Message)];

    /// <summary>The warnings that keep the draft from being published until the reviewer acts on them.</summary>
    public IReadOnlyList<ImportWarning> Blockers => [.. Findings.Where(f => f.IsBlocking)];
}
