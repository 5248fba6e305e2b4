using System.Text.Json;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Tests.Support;

namespace SakipServerless.Core.Tests.Runs.Commands;

/// <summary>Commands as data: they survive the trip through JSON (as durable events do) and apply exactly like the aggregate's methods.</summary>
public sealed class RunCommandTests
{
    public static TheoryData<RunCommand, string> EveryCommand() => new()
    {
        { new SuspendRunCommand("Rapat koordinasi"), "suspend" },
        { new ResumeRunCommand(), "resume" },
        { new TerminateRunCommand("Salah periode"), "terminate" },
        { new RestartStepCommand("disposisi", "Ulangi"), "restart-step" },
        { new CompleteStepCommand("disposisi", "Disposisi", ["Indikator Sasaran"], ["f-1"]), "complete-step" },
        { new ApproveStepCommand("periksa", null, [], [], CheckEvidence: false), "approve-step" },
        { new ReturnStepCommand("periksa", "Belum sesuai"), "return-step" },
        { new SubmitUnitCommand("kumpul", "bid-1", new([new RealisasiEntry("ind-1", 87.5m, "catatan", "jauh dari target")], ["f-1"], "kirim")), "submit-unit" },
        { new AcceptUnitCommand("kumpul", "bid-1"), "accept-unit" },
        { new ReturnUnitCommand("kumpul", "bid-1", "Bukti kurang"), "return-unit" },
        {
            new RecordEvidenceUploadCommand(new EvidenceFile
            {
                Id = "f-1", FileName = "laporan.pdf", Size = 1200, Sha256 = "ab12", ContentType = "application/pdf",
                UploadedAt = new DateTimeOffset(2026, 4, 6, 8, 30, 0, TimeSpan.FromHours(8)), UploadedBy = "u-kabid", StorageKey = "runs/run-1/f-1",
            }, 50),
            "record-evidence-upload"
        },
        { new RecordEvidenceDownloadCommand("f-1"), "record-evidence-download" },
    };

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Command_RoundTripsThroughJson_WithItsKind(RunCommand command, string kind)
    {
        string json = JsonSerializer.Serialize(command, CoreJson.Options);

        Assert.Equal(kind, JsonDocument.Parse(json).RootElement.GetProperty("kind").GetString());
        var back = JsonSerializer.Deserialize<RunCommand>(json, CoreJson.Options)!;
        Assert.Equal(command.GetType(), back.GetType());
        Assert.Equal(json, JsonSerializer.Serialize(back, CoreJson.Options)); // lists compare by reference, their JSON by value
    }

    [Fact]
    public void CommandsApplied_LeaveTheSameRunAsTheAggregatesMethods()
    {
        var direct = new RunFixture();
        var viaCommands = new RunFixture();
        direct.PassDispositionAndCollect();

        new CompleteStepCommand("disposisi", "Disposisi", ["Indikator Sasaran"], [], CheckEvidence: false).ApplyTo(viaCommands.Run, RunFixture.Kabid, viaCommands.Ctx);
        foreach (var unit in RunFixture.Units)
        {
            new SubmitUnitCommand("kumpul", unit.Id, RunFixture.Submission(), CheckEvidence: false).ApplyTo(viaCommands.Run, RunFixture.UnitStaff(unit.Id), viaCommands.Ctx);
            new AcceptUnitCommand("kumpul", unit.Id).ApplyTo(viaCommands.Run, RunFixture.Kasubag, viaCommands.Ctx);
        }

        Assert.Equal(direct.Snapshot(), viaCommands.Snapshot());
    }

    [Fact]
    public void Complete_WithUnknownEvidence_IsRefusedBeforeTheStepIsChecked_AndChangesNothing()
    {
        var fixture = new RunFixture();
        string before = fixture.Snapshot();

        // The analis may not complete the disposition either; the unknown file is what the user hears about first.
        var e = Assert.Throws<DomainException>(() =>
            new CompleteStepCommand("disposisi", "Disposisi", ["Indikator Sasaran"], ["tidak-ada"]).ApplyTo(fixture.Run, RunFixture.Analis, fixture.Ctx));

        Assert.Equal("evidence-unknown", e.Code);
        Assert.Equal(before, fixture.Snapshot());
    }
}
