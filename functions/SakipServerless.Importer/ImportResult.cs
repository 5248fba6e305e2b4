using SakipServerless.Core.Templates;

namespace SakipServerless.Importer;

/// <summary>
/// A draft template read from an SOP document, with everything the importer could not read with confidence.
/// The template carries the same warnings in <see cref="SopTemplate.ImportWarnings"/>, so its JSON is self-contained.
/// </summary>
public sealed record ImportResult(SopTemplate Template, IReadOnlyList<string> Warnings, IReadOnlyList<StepEvidence> Steps);
