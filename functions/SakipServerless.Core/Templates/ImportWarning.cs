using System.Text.Json.Serialization;

namespace SakipServerless.Core.Templates;

/// <summary>
/// One thing the importer could not read with confidence. <see cref="Location"/> says where in the source file
/// (page, table row, cell) so a reviewer can find it; <see cref="Field"/> names the template field a blocker
/// concerns, so filling that field clears it without anyone having to delete the warning.
/// </summary>
public sealed record ImportWarning(ImportWarningSeverity Severity, string Message, string? Location = null, string? Field = null)
{
    [JsonIgnore]
    public bool IsBlocking => Severity == ImportWarningSeverity.Blocking;
}
