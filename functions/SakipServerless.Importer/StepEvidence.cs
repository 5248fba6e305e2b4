namespace SakipServerless.Importer;

/// <summary>How one imported step was read, so a review screen can point at what to confirm.</summary>
public sealed record StepEvidence(int No, string StepId, ActorSource Actors);
