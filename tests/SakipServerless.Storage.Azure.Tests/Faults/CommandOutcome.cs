namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>How one attempt at a command ended, as its sender sees it.</summary>
public enum CommandOutcome
{
    /// <summary>This attempt wrote the transition and got the answer.</summary>
    Applied,

    /// <summary>An earlier attempt had written it (its answer was lost): the idempotency record says so, nothing is written again.</summary>
    Recognised,

    /// <summary>The attempt failed with a storage exception the caller can handle (retry later); the run is as before or as after.</summary>
    FailedCleanly,
}
