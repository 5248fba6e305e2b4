using System.IO.Compression;
using System.Text.Json;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>What scripts/publish.sh produces is what the Functions host expects at the root of a function app.</summary>
public sealed class PackageLayoutTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public void ThePackage_HoldsHostJson_TheFunctionFolders_AndTheHandler_AndNothingElse()
    {
        Assert.True(package.ExitCode == 0, package.Output);
        var functions = CommittedFunction.All().Select(f => f.Name).ToList();

        var entries = Directory.GetFileSystemEntries(package.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(functions.Append("handler").Append("host.json").Order(StringComparer.Ordinal), entries);
        Assert.Equal(Repository.Read("host.json"), File.ReadAllText(Path.Combine(package.Folder, "host.json")));
        foreach (string name in functions)
        {
            Assert.Equal(["function.json"], Directory.GetFileSystemEntries(Path.Combine(package.Folder, name)).Select(Path.GetFileName));
            Assert.Equal(Repository.Read("deploy", "functions", name, "function.json"), File.ReadAllText(Path.Combine(package.Folder, name, "function.json")));
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the package is for Linux; so are its mode bits
    public void TheExecutableHostJsonNames_IsInThePackage_AndExecutable()
    {
        string executable = Path.Combine(package.Folder, HostJson.ExecutablePath);

        Assert.True(File.Exists(executable), executable);
        Assert.True(File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(executable)!, "appsettings.json")), "the handler's settings travel beside it");
    }

    [Fact]
    public void TheZip_HasTheFolderAtItsRoot_AndKeepsTheExecutableBit()
    {
        using var zip = ZipFile.OpenRead(package.Zip);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("host.json", names);
        Assert.Contains("DeadlineSweep/function.json", names);
        var handler = zip.GetEntry(HostJson.ExecutablePath);
        Assert.NotNull(handler);
        int mode = handler.ExternalAttributes >> 16; // Unix mode bits, as zip records them
        Assert.True((mode & 0b001_000_000) != 0, $"mode {Convert.ToString(mode, 8)} lacks the owner's execute bit");
        Assert.Equal(Directory.GetFiles(package.Folder, "*", SearchOption.AllDirectories).Length, zip.Entries.Count(e => !e.FullName.EndsWith('/')));
    }

    [Fact]
    public void PublishSh_RefusesAnUnknownArgument()
    {
        var (exitCode, output) = PackageFixture.Run("bash", Repository.PathOf("scripts", "publish.sh"), "--bogus");
        Assert.Equal(2, exitCode);
        Assert.Contains("unknown argument", output);
    }
}
