namespace SakipServerless.Core.Templates;

/// <summary>
/// Whether a draft may be published while the warning stands. Blocking: the template would run wrongly or not at
/// all (no time zone, no agency, a step nobody does). Advisory: an interpretation the reviewer should confirm.
/// </summary>
public enum ImportWarningSeverity
{
    Advisory,
    Blocking,
}
