namespace SakipServerless.Api.Runs.Engine;

/// <summary>The body of a 202: the command is queued on the run's orchestration; its answer is at the <c>Location</c>.</summary>
public sealed record CommandAccepted(string CommandId, string Detail);
