namespace SakipServerless.Api.Tests.Support;

/// <summary>The run engine a test's backend runs on (<c>Sakip:Engine:Mode</c>).</summary>
public enum RunEngineKind
{
    /// <summary>The app's default: commands applied in the request, on the store, deadlines by the sweep.</summary>
    Embedded,

    /// <summary>One orchestration per run, on a DurableTaskTestHost the test backend starts and stops with itself.</summary>
    Durable,
}
