namespace SakipServerless.Api.Files;

/// <summary>
/// One allowed kind of evidence: its extensions, the media type recorded and served, the media types a client may
/// declare for it (browsers and file pickers differ), and its name in messages.
/// </summary>
public sealed record EvidenceType(EvidenceKind Kind, IReadOnlyList<string> Extensions, string ContentType, IReadOnlyList<string> DeclaredTypes, string Label);
