using System.Diagnostics;

namespace SakipServerless.Importer.Tests.Support.Docx;

/// <summary>
/// LibreOffice headless as the tests' real client of office files: .docx to .pdf as an agency's "export to PDF"
/// would, and (for the API's tests) a workbook to CSV or PDF as a Kasubag's LibreOffice shows and prints it. CI
/// installs libreoffice-writer-nogui and libreoffice-calc-nogui (.ci/run); a missing LibreOffice fails the test with
/// the install command rather than skipping it. Every run has a private profile, so parallel runs (and other
/// people's LibreOffice on the same machine) do not lock each other out, and a run that hangs is killed.
/// </summary>
public static class LibreOffice
{
    public static string Executable =>
        Environment.GetEnvironmentVariable("SAKIP_LIBREOFFICE") is { Length: > 0 } configured ? configured
        : new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("LibreOffice tidak ditemukan: pasang dengan `apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui` (CI: .ci/run) atau setel SAKIP_LIBREOFFICE.");

    /// <summary>Converts every .docx in <paramref name="folder"/> in one LibreOffice start.</summary>
    public static void ConvertAllToPdf(string folder)
    {
        var inputs = Directory.GetFiles(folder, "*.docx").Order(StringComparer.Ordinal).ToList();
        ConvertAsync(inputs, "pdf", folder, TimeSpan.FromMinutes(3)).GetAwaiter().GetResult();
        var missing = inputs.Where(d => !File.Exists(Path.ChangeExtension(d, ".pdf"))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"LibreOffice tidak menulis PDF untuk {string.Join(", ", missing)}.");
        }
    }

    /// <summary>
    /// Runs one <c>--convert-to <paramref name="filter"/></c> of <paramref name="inputs"/> into <paramref name="outputFolder"/>,
    /// under a fixed locale (what "as shown" means must not depend on the machine's LANG).
    /// </summary>
    public static async Task ConvertAsync(IReadOnlyList<string> inputs, string filter, string outputFolder, TimeSpan timeout)
    {
        string profile = Path.Combine(Path.GetTempPath(), "sakip-lo-profile-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nolockcheck", "--nodefault", "--convert-to", filter, "--outdir", outputFolder })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (string input in inputs)
        {
            info.ArgumentList.Add(input);
        }

        info.Environment["LC_ALL"] = "C.UTF-8";
        info.Environment["LANG"] = "C.UTF-8";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("LibreOffice tidak dapat dijalankan.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"LibreOffice tidak selesai dalam {timeout.TotalSeconds:0} detik dan dihentikan.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"LibreOffice gagal (exit {process.ExitCode}): {await stdout} {await stderr}");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Never written, or left in /tmp: harmless either way.
            }
        }
    }
}
