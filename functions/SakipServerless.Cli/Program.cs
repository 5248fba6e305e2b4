using SakipServerless.Cli.Commands;

namespace SakipServerless.Cli;

/// <summary>Entry point of the <c>sakip</c> command line.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Dispatches to a command; separated from <see cref="Main"/> so tests run it with captured output.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        return args switch
        {
            ["demo", .. var rest] => DemoCommand.Run(rest, stdout, stderr),
            ["sop", "import", .. var rest] => SopImportCommand.Run(rest, stdout, stderr),
            ["--help" or "-h" or "help"] or [] => Usage(stdout, 0),
            _ => Usage(stderr, 2),
        };
    }

    private static int Usage(TextWriter to, int exitCode)
    {
        to.WriteLine("""
            Penggunaan: sakip <perintah>

              demo [--sop <id|berkas.json>] [--periode 2026-Q1]   menjalankan SOP contoh dengan waktu simulasi dan mencetak linimasanya
              sop import <berkas> [--out <berkas.json>]          mengubah dokumen SOP menjadi draf template JSON
            """);
        return exitCode;
    }
}
