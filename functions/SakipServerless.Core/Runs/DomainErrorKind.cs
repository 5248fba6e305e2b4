namespace SakipServerless.Core.Runs;

/// <summary>What kind of refusal a domain error is; the API maps it to an HTTP status.</summary>
public enum DomainErrorKind
{
    /// <summary>The command itself is incomplete or malformed (missing reason, missing kelengkapan).</summary>
    Invalid,

    /// <summary>The step, unit or run named does not exist.</summary>
    NotFound,

    /// <summary>The actor may not perform this command.</summary>
    Forbidden,

    /// <summary>The command is not legal in the current state (a transition the table does not allow).</summary>
    Conflict,
}
