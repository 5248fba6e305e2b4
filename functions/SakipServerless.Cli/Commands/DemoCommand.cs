namespace SakipServerless.Cli.Commands;

/// <summary><c>demo</c>: runs a seed SOP under simulated time (the demo issue builds it; a placeholder so the CLI compiles).</summary>
public static class DemoCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("Perintah 'demo' belum tersedia.");
        return 2;
    }
}
