namespace SakipServerless.Api.Tests.Faults.Support;

/// <summary>A client's view of one run it drives: the script, how far it got, the version last acknowledged, what is in flight.</summary>
public sealed class ScriptedRun(string opd, string period)
{
    private InFlightCommand? _inFlight;

    public string Opd { get; } = opd;

    public string Period { get; } = period;

    public IReadOnlyList<ScriptCommand> Script { get; } = RunScript.For(opd);

    /// <summary>Known once the start was acknowledged.</summary>
    public string? RunId { get; set; }

    /// <summary>The version of the last acknowledged answer (0 before the start).</summary>
    public int AckedVersion { get; set; }

    /// <summary>The index of the next command to send.</summary>
    public int Next { get; set; }

    /// <summary>The command sent whose answer has not been processed yet; read by the killer from another thread.</summary>
    public InFlightCommand? InFlight
    {
        get => Volatile.Read(ref _inFlight);
        set => Volatile.Write(ref _inFlight, value);
    }

    public string KeyOf(int index) => $"{Opd}:{Period}:{index}";
}
