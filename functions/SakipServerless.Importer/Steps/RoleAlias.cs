namespace SakipServerless.Importer.Steps;

/// <summary>
/// A way an activity text may name a role. Strong aliases are the whole title or one of its slash-separated
/// parts ("Kasubid/ Kasubag" → kasubid, kasubag); a weak alias is the head word alone ("Tim" for "Tim Penyusun"),
/// used only where no strong alias of another role matches.
/// </summary>
internal sealed record RoleAlias(IReadOnlyList<string> Words, bool Strong);
