namespace SakipServerless.Api.Tests.Faults.Support;

/// <summary>One write command of a <see cref="RunScript"/>: who sends it, where (given the run id) and with which body (given the period).</summary>
public sealed record ScriptCommand(string Name, string UserId, Func<string, string> Url, Func<string, object> Body);
