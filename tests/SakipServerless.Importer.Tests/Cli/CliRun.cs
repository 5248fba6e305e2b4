using SakipServerless.Cli;

namespace SakipServerless.Importer.Tests.Cli;

/// <summary>The CLI in-process, as a shell runs it: its exit code and what it wrote to stdout and stderr.</summary>
internal static class CliRun
{
    public static (int Exit, string Out, string Err) Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
