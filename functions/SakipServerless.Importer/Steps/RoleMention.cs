namespace SakipServerless.Importer.Steps;

/// <summary>A role named in an activity text: which role, in what part, in which branch, at which character.</summary>
internal sealed record RoleMention(int Role, MentionRole As, MentionClause Clause, int Position);
