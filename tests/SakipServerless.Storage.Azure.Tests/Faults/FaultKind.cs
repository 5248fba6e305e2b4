namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>What a storage service, or the network in front of it, can do to one request.</summary>
public enum FaultKind
{
    /// <summary>429 with <c>x-ms-retry-after-ms</c>; the request never reaches the server.</summary>
    Throttle,

    /// <summary>503; the request never reaches the server.</summary>
    Unavailable,

    /// <summary>No answer: the request hangs until the client's timeout (or the caller's token) gives up; it never reaches the server.</summary>
    Hang,

    /// <summary>The connection is reset before the request reached the server: nothing was applied.</summary>
    ResetBeforeServer,

    /// <summary>The server applied the request, then the connection was reset: the answer is lost.</summary>
    ResetAfterServer,

    /// <summary>The request body is cut after some bytes: the server saw a partial request on a dropped connection.</summary>
    CutBody,
}
