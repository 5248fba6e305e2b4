using System.Text;
using SakipServerless.Importer;

namespace SakipServerless.Cli.Commands;

/// <summary>
/// <c>sop import &lt;file&gt; [--out &lt;file&gt;]</c>: drafts a template from an SOP document (.docx, .pdf with a text
/// layer, or exported text; told apart by content, not by name). The JSON goes to stdout
/// (or the --out file) and nothing else does, so it can be piped; messages go to stderr.
/// Exit 0 on success; 2 for a missing, unreadable or non-SOP file and for wrong arguments.
/// </summary>
public static class SopImportCommand
{
    private const int Ok = 0;
    private const int BadInput = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(args, out string? input, out string? output, out string? problem))
        {
            stderr.WriteLine(problem);
            stderr.WriteLine("Penggunaan: sakip sop import <berkas> [--out <berkas.json>]");
            return BadInput;
        }

        byte[] content;
        try
        {
            // Refused before reading: a mistaken argument (a disk image, a video) should not be loaded whole.
            long length = new FileInfo(input!).Length;
            if (length > SopImporter.MaxFileBytes)
            {
                stderr.WriteLine($"{input}: {SopImporter.TooLarge(length).Message}");
                return BadInput;
            }

            content = File.ReadAllBytes(input!);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"Berkas tidak ditemukan: {input}");
            return BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"Berkas tidak dapat dibaca: {input} ({ex.Message})");
            return BadInput;
        }

        ImportResult result;
        try
        {
            result = SopImporter.Import(content, Path.GetFileName(input));
        }
        catch (SopImportException ex)
        {
            stderr.WriteLine($"{input}: {ex.Message}");
            return BadInput;
        }

        string json = DraftTemplateJson.Serialize(result);
        if (output is null)
        {
            stdout.WriteLine(json);
        }
        else
        {
            try
            {
                File.WriteAllText(output, json + "\n", new UTF8Encoding(false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"Berkas keluaran tidak dapat ditulis: {output} ({ex.Message})");
                return BadInput;
            }

            stderr.WriteLine($"Draf template ditulis ke {output}.");
        }

        stderr.WriteLine($"{result.Template.Steps.Count} langkah diimpor; {result.Warnings.Count} peringatan (lihat importWarnings).");
        return Ok;
    }

    private static bool TryParse(string[] args, out string? input, out string? output, out string? problem)
    {
        input = output = problem = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--out" or "-o")
            {
                if (i + 1 >= args.Length || output is not null)
                {
                    problem = "Opsi --out memerlukan satu nama berkas.";
                    return false;
                }

                output = args[++i];
            }
            else if (args[i].StartsWith('-') && args[i].Length > 1)
            {
                problem = $"Opsi tidak dikenal: {args[i]}";
                return false;
            }
            else if (input is null)
            {
                input = args[i];
            }
            else
            {
                problem = $"Hanya satu berkas yang dapat diimpor sekaligus; kelebihan: {args[i]}";
                return false;
            }
        }

        if (input is null)
        {
            problem = "Berkas dokumen SOP belum disebutkan.";
            return false;
        }

        return true;
    }
}
