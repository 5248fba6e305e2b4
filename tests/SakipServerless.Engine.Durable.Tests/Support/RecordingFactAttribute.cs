namespace SakipServerless.Engine.Durable.Tests.Support;

/// <summary>A fact that records a stored trace: skipped unless <c>SAKIP_RECORD_TRACES=1</c>, because recording is a deliberate act (a new interpreter version).</summary>
public sealed class RecordingFactAttribute : FactAttribute
{
    public RecordingFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SAKIP_RECORD_TRACES") != "1")
        {
            Skip = "Records the stored trace; run with SAKIP_RECORD_TRACES=1 when the interpreter version changes.";
        }
    }
}
