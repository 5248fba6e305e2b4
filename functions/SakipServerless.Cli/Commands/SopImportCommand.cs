namespace SakipServerless.Cli.Commands;

/// <summary><c>sop import &lt;file&gt;</c>: turns an SOP document into a draft template (the importer issue builds it).</summary>
public static class SopImportCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("Perintah 'sop import' belum tersedia.");
        return 2;
    }
}
