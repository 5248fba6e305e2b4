namespace SakipServerless.Api.Tests.Faults.Support;

/// <summary>A command on the wire: which one, under which key, and the run's acknowledged version when it was sent.</summary>
public sealed record InFlightCommand(ScriptedRun Run, int Index, string Key, int AckedVersionBefore);
