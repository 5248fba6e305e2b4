using System.Diagnostics;

namespace SakipServerless.Importer.Tests.Support.Docx;

/// <summary>
/// Converts .docx to .pdf with LibreOffice headless, as an agency's "export to PDF" would. CI installs
/// libreoffice-writer-nogui (.ci/run); a missing LibreOffice fails the test with the install command rather than
/// skipping it, so PDF import is never silently untested. A private profile keeps parallel runs (and other
/// people's LibreOffice on the same machine) from locking each other out.
/// </summary>
public static class LibreOffice
{
    public static string Executable =>
        Environment.GetEnvironmentVariable("SAKIP_LIBREOFFICE") is { Length: > 0 } configured ? configured
        : new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("LibreOffice tidak ditemukan: pasang dengan `apt-get install -y libreoffice-writer-nogui` (CI: .ci/run) atau setel SAKIP_LIBREOFFICE.");

    /// <summary>Converts every .docx in <paramref name="folder"/> in one LibreOffice start; returns the folder.</summary>
    public static void ConvertAllToPdf(string folder)
    {
        string profile = Path.Combine(Path.GetTempPath(), "sakip-lo-profile-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var docx in Directory.GetFiles(folder, "*.docx").Order(StringComparer.Ordinal))
        {
            info.ArgumentList.Add(docx);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("LibreOffice tidak dapat dijalankan.");
        string stdout = process.StandardOutput.ReadToEnd(), stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("LibreOffice tidak selesai mengonversi dalam 3 menit.");
        }

        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile left in /tmp is harmless.
        }

        var missing = Directory.GetFiles(folder, "*.docx").Where(d => !File.Exists(Path.ChangeExtension(d, ".pdf"))).ToList();
        if (process.ExitCode != 0 || missing.Count > 0)
        {
            throw new InvalidOperationException($"LibreOffice gagal (exit {process.ExitCode}) untuk {string.Join(", ", missing)}: {stdout} {stderr}");
        }
    }
}
