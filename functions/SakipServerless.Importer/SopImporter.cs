using SakipServerless.Core.Templates;
using SakipServerless.Importer.Blocks;
using SakipServerless.Importer.Docx;
using SakipServerless.Importer.Identity;
using SakipServerless.Importer.Pdf;
using SakipServerless.Importer.Sources;
using SakipServerless.Importer.Steps;
using SakipServerless.Importer.Table;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer;

/// <summary>
/// Turns an SOP document in the PermenPAN-RB 35/2012 format (identity block, header blocks, procedure table) —
/// a .docx, a .pdf with a text layer, or exported text, told apart by its bytes — into a draft template that passes <see cref="TemplateValidator"/> in
/// <see cref="TemplateValidationMode.Draft"/> mode. Anything read with less than certainty is listed in the
/// warnings; only input that is not an SOP document at all raises <see cref="SopImportException"/>.
/// </summary>
/// <remarks>Pure and thread-safe: no I/O, no shared state, so the CLI and an HTTP upload can call it alike.</remarks>
public static class SopImporter
{
    /// <summary>
    /// The largest SOP file read. A 3-page SOP is tens of KB as .docx or .pdf, a few MB with a scanned letterhead or
    /// signature; beyond this the file is not an SOP document, and reading it whole would only cost memory.
    /// </summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>Above this share of control characters the input is taken for a binary file.</summary>
    private const double BinaryThreshold = 0.02;

    public static ImportResult Import(byte[] content, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxFileBytes)
        {
            throw TooLarge(content.Length);
        }

        var format = SopFormatDetector.Detect(content);
        switch (format)
        {
            case SopFileFormat.Docx:
                return ImportLines(DocxSopReader.Read(content), sourceName, format);
            case SopFileFormat.Pdf:
                return ImportLines(PdfSopReader.Read(content), sourceName, format);
        }

        var decoded = DocumentDecoder.Decode(content);
        var source = ReadText(decoded.Text);
        return ImportLines(decoded.Warning is null ? source : source with { Notes = [new(ImportWarningSeverity.Advisory, decoded.Warning)] }, sourceName, format);
    }

    /// <summary>The refusal of a file above <see cref="MaxFileBytes"/>, for callers that see its size before reading it.</summary>
    public static SopImportException TooLarge(long bytes) =>
        new($"Berkas berukuran {bytes / (1024.0 * 1024):0.#} MB, melebihi batas {MaxFileBytes / (1024 * 1024)} MB untuk dokumen SOP. Simpan ulang tanpa gambar besar (mis. kop hasil pindai) atau kirim PDF hasil ekspor.");

    public static ImportResult Import(string text, string? sourceName = null) => ImportLines(ReadText(text), sourceName, SopFileFormat.Text);

    private static SourceLines ReadText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SopImportException("Berkas kosong: tidak ada teks dokumen SOP untuk diimpor.");
        }

        if (text.Contains('\0') || DocumentCleaner.ControlCharacterRatio(text) > BinaryThreshold)
        {
            throw new SopImportException("Berkas tidak berisi teks yang dapat dibaca (tampaknya berkas biner). Kirim dokumen SOP sebagai .docx, .pdf (dengan lapisan teks) atau teks.");
        }

        return SourceLines.FromText(DocumentCleaner.CleanLines(text));
    }

    /// <summary>Everything after reading: one path for every format, so inference never depends on where the lines came from.</summary>
    private static ImportResult ImportLines(SourceLines source, string? sourceName, SopFileFormat format)
    {
        var warnings = new ImportWarnings(source.Places);
        foreach (var note in source.Notes)
        {
            warnings.Add(note.Message, note.Severity, note.Field, note.Location);
        }

        var lines = source.Lines;
        var layout = TableHeaderDetector.Detect(lines);
        if (layout is null)
        {
            layout = HeaderlessLayoutGuesser.Guess(lines)
                ?? throw new SopImportException(format == SopFileFormat.Text
                    ? "Tabel prosedur tidak ditemukan (baris judul dengan kolom No, Kegiatan/Uraian Prosedur, Pelaksana dan Mutu Baku). Berkas ini bukan dokumen SOP dalam format yang dikenali."
                    : $"Tabel prosedur tidak ditemukan di dokumen {(format == SopFileFormat.Docx ? "Word" : "PDF")} (tabel dengan kolom No, Kegiatan/Uraian Prosedur, Pelaksana dan Mutu Baku). Berkas ini bukan dokumen SOP dalam format yang dikenali.");
            warnings.Add("Judul tabel prosedur tidak ditemukan; susunan kolom ditebak dari isi baris (Waktu dari kolom yang berisi lama waktu). Periksa pelaksana, kelengkapan, waktu dan output setiap langkah.");
        }

        var rows = ProcedureTableReader.Read(lines, layout, warnings);
        if (rows.Count == 0)
        {
            throw new SopImportException("Tabel prosedur ditemukan, tetapi tidak memuat satu pun langkah bernomor. Berkas ini bukan dokumen SOP yang lengkap.");
        }

        var before = lines.Take(Math.Max(0, layout.HeaderLine)).ToList();
        int blocksAt = HeaderBlockParser.FindFirstLabelLine(before);
        var identity = IdentityBlockParser.Parse(blocksAt >= 0 ? before[..blocksAt] : before);
        var blocks = blocksAt >= 0 ? HeaderBlockParser.Parse(before, blocksAt) : new HeaderBlocks(new Dictionary<HeaderBlockKind, IReadOnlyList<string>>());
        var agency = AgencyReader.Read(identity.HeadingLines, out bool agencyFound);

        var roles = BuildRoles(layout, rows, warnings);
        var steps = BuildSteps(rows, layout, roles, warnings);

        ActorInference.Resolve(steps, roles, warnings);
        DecisionDetector.Apply(steps, roles, warnings);
        CollectStepSelector.Apply(steps, roles, warnings);
        ReturnTargetResolver.Apply(steps, roles, warnings);
        InferWhen(steps, warnings);

        var ids = new StepIdFactory();
        foreach (var step in steps)
        {
            step.Id = ids.Create(step.No, step.Activity);
        }

        var schedule = ReadSchedule(steps, warnings);
        ReportIdentity(identity, agencyFound, blocks, warnings);
        string title = identity.Title ?? (sourceName is null ? "SOP tanpa judul" : $"SOP {Path.GetFileNameWithoutExtension(sourceName)}");
        var template = new SopTemplate
        {
            Id = TemplateId(agency, title),
            Version = 1,
            Title = title,
            Agency = agency,
            Document = new SopDocument(identity.Number, identity.CreatedAt, identity.RevisedAt, identity.EffectiveAt, identity.ApprovedBy, sourceName is null ? null : Path.GetFileName(sourceName)),
            LegalBasis = blocks[HeaderBlockKind.LegalBasis],
            Qualifications = blocks[HeaderBlockKind.Qualifications],
            RelatedSops = blocks[HeaderBlockKind.RelatedSops],
            Equipment = blocks[HeaderBlockKind.Equipment],
            Warnings = blocks[HeaderBlockKind.Warnings],
            Records = blocks[HeaderBlockKind.Records],
            Schedule = schedule,
            Roles = roles.Count > 0 ? [.. roles.Roles.Select(r => new SopRole(r.Id, r.Title))] : [new SopRole("pelaksana", "Pelaksana (belum ditentukan)")],
            Steps = [.. steps.Select(s => ToStep(s, steps, roles))],
        };

        foreach (var error in TemplateValidator.Validate(template, TemplateValidationMode.Draft))
        {
            warnings.Blocking($"Validasi draf: {error}");
        }

        var list = warnings.ToList();
        return new ImportResult(
            template with { ImportWarnings = list },
            list,
            [.. steps.Select(s => new StepEvidence(s.No, s.Id, s.ActorSource))],
            format);
    }

    /// <summary>Roles are the actor columns; without them, the actors written in words in a Pelaksana column or in Keterangan.</summary>
    private static RoleCatalog BuildRoles(TableLayout layout, List<ProcedureRow> rows, ImportWarnings warnings)
    {
        if (layout.ActorColumns.Count > 0)
        {
            return new RoleCatalog([.. layout.ActorColumns.Select(c => c.Title)]);
        }

        bool fromKeterangan = layout.Find(ColumnKind.ActorText) is null;
        var titles = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var title in RolePhraseReader.Read(fromKeterangan ? row.Keterangan : row.ActorText))
            {
                if (seen.Add(string.Join(' ', RoleVocabulary.Canonical(title))))
                {
                    titles.Add(title);
                }
            }
        }

        // Without columns there is no left-to-right order of seniority; rank the titles instead (stable for equals).
        titles = [.. titles.OrderBy(t => RoleVocabulary.SeniorityRank(RoleVocabulary.Canonical(t)))];
        if (titles.Count == 0)
        {
            warnings.Blocking("Tabel tidak memiliki kolom Pelaksana dan tidak ada pelaksana yang tertulis; pelaksana setiap langkah perlu diisi manual.");
        }
        else if (fromKeterangan)
        {
            warnings.Add("Tabel tidak memiliki kolom Pelaksana; pelaksana dibaca dari kolom Keterangan dan peran diurutkan menurut jenjang jabatan (pimpinan, sekretaris, kepala bidang, kepala seksi/subbagian, staf).");
        }
        else
        {
            warnings.Add("Kolom Pelaksana berisi nama jabatan, bukan tanda per kolom; peran diurutkan menurut jenjang jabatan (pimpinan, sekretaris, kepala bidang, kepala seksi/subbagian, staf).");
        }

        return new RoleCatalog(titles);
    }

    private static List<StepDraft> BuildSteps(List<ProcedureRow> rows, TableLayout layout, RoleCatalog roles, ImportWarnings warnings)
    {
        var numbers = new HashSet<int>();
        var waktuUnit = layout.Find(ColumnKind.Waktu)?.Unit ?? WaktuUnit.Unspecified;
        bool actorsInKeterangan = layout.ActorColumns.Count == 0 && layout.Find(ColumnKind.ActorText) is null;
        var drafts = new List<StepDraft>();
        int expected = 1;
        foreach (var row in rows)
        {
            int no = row.No;
            if (!numbers.Add(no))
            {
                int renumbered = Math.Max(numbers.Max() + 1, expected);
                warnings.ForStep(no, $"nomor langkah {no} dipakai lebih dari sekali; baris ini diberi nomor {renumbered}.");
                no = renumbered;
                numbers.Add(no);
            }
            else if (no != expected)
            {
                warnings.ForStep(no, $"nomor langkah tidak berurutan (diharapkan {expected}).");
            }

            expected = no + 1;
            string activity = row.Activity;
            if (activity.Length == 0)
            {
                activity = $"(uraian langkah {no} kosong)";
                warnings.ForStep(no, "uraian kegiatan kosong; isi secara manual.", "Kegiatan", ImportWarningSeverity.Blocking);
            }

            var duration = IndonesianDurationParser.Parse(row.Waktu, waktuUnit);
            if (duration.Problem is not null)
            {
                warnings.ForStep(no, duration.Problem, "Waktu", duration.Duration is null ? ImportWarningSeverity.Blocking : ImportWarningSeverity.Advisory);
            }

            if (row.Output.Length == 0)
            {
                warnings.ForStep(no, "kolom Output kosong.", "Output");
            }

            var named = (layout.Find(ColumnKind.ActorText) is not null ? RolePhraseReader.Read(row.ActorText)
                    : actorsInKeterangan ? RolePhraseReader.Read(row.Keterangan)
                    : [])
                .Select(t => RoleMentionFinder.Find(t, roles).Select(m => m.Role).FirstOrDefault(-1))
                .Where(r => r >= 0)
                .ToList();

            var mentions = RoleMentionFinder.Find(activity, roles);
            drafts.Add(new StepDraft
            {
                No = no,
                Activity = activity,
                Kelengkapan = KelengkapanSplitter.Split(row.Kelengkapan),
                Duration = duration.Duration,
                Output = InlineText.NullIfEmpty(row.Output),
                Note = InlineText.NullIfEmpty(row.Keterangan),
                Markers = [.. row.ActorCells.Select(ActorMarkerReader.Read)],
                NamedActors = named,
                Mentions = mentions,
                Kind = StepKindInference.Infer(activity),
            });
        }

        SplitJoinedKelengkapan(drafts, warnings);
        return drafts;
    }

    private static void SplitJoinedKelengkapan(List<StepDraft> drafts, ImportWarnings warnings)
    {
        var outputs = drafts.Where(d => d.Output is not null).Select(d => d.Output!).ToList();
        foreach (var draft in drafts)
        {
            var known = outputs.Concat(drafts.Where(d => d != draft).SelectMany(d => d.Kelengkapan)).ToList();
            draft.Kelengkapan = KelengkapanSplitter.SplitJoined(draft.Kelengkapan, outputs, known, out var splits);
            foreach (var (whole, left, right) in splits)
            {
                warnings.ForStep(draft.No, $"kelengkapan \"{whole}\" ditulis tanpa koma; dibaca sebagai dua butir \"{left}\" dan \"{right}\" karena keduanya disebut terpisah di bagian lain dokumen.");
            }
        }
    }

    /// <summary>
    /// Infers when each step runs; a review that returns to a step running less often runs only when that step
    /// does, so a return always has somewhere to go.
    /// </summary>
    private static void InferWhen(List<StepDraft> steps, ImportWarnings warnings)
    {
        foreach (var step in steps)
        {
            step.When = StepWhenInference.Infer(step.Activity, out var evidence);
            if (step.When != StepWhen.Always)
            {
                string label = step.When == StepWhen.SemesterEnd ? "akhir semester (triwulan II dan IV)" : "akhir tahun (triwulan IV)";
                warnings.ForStep(step.No, $"hanya dijalankan pada {label}, disimpulkan dari uraian \"{evidence}\".");
            }
        }

        foreach (var step in steps.Where(s => s.ReturnTo is not null))
        {
            var target = steps[step.ReturnTo!.Value];
            if (Rank(target.When) > Rank(step.When))
            {
                step.When = target.When;
                warnings.ForStep(step.No, $"disamakan jadwalnya dengan langkah {target.No} yang dikerjakan ulang bila dikembalikan.");
            }
        }
    }

    /// <summary>
    /// The first step's wording (and any step's, since some SOPs state it later) may say when the work starts; the
    /// first readable schedule wins, and every reading is an interpretation the reviewer confirms.
    /// </summary>
    private static StartSchedule? ReadSchedule(List<StepDraft> steps, ImportWarnings warnings)
    {
        StartSchedule? found = null;
        foreach (var step in steps)
        {
            foreach (string text in new[] { step.Activity, step.Note ?? "" })
            {
                var schedule = StartScheduleReader.Read(text, out var phrase, out var problem);
                if (problem is not null)
                {
                    warnings.ForStep(step.No, problem, text == step.Activity ? "Kegiatan" : "Keterangan");
                }
                else if (schedule is not null && found is null)
                {
                    found = schedule;
                    warnings.ForStep(step.No, $"\"{phrase}\" dibaca sebagai jadwal mulai (schedule): pelaksanaan dimulai otomatis {schedule.Describe()} pada jam buka kantor "
                        + "(bila hari itu libur atau akhir pekan, pada hari kerja berikutnya) untuk data periode yang baru berakhir; ubah schedule.serves menjadi current bila yang dimaksud periode yang dimulai.",
                        "Kegiatan");
                }
            }
        }

        return found;
    }

    private static int Rank(StepWhen when) => when switch
    {
        StepWhen.Always => 0,
        StepWhen.SemesterEnd => 1,
        _ => 2,
    };

    private static SopStep ToStep(StepDraft draft, List<StepDraft> all, RoleCatalog roles) => new()
    {
        No = draft.No,
        Id = draft.Id,
        Activity = draft.Activity,
        Kind = draft.Kind,
        Actors = [.. draft.Actors.Select(a => roles[a].Id)],
        Kelengkapan = draft.Kelengkapan,
        Duration = draft.Duration,
        Output = draft.Output,
        Note = draft.Note,
        When = draft.When,
        OnReturn = draft.Kind == StepKind.Review && draft.ReturnTo is { } back ? all[back].Id : null,
    };

    private static void ReportIdentity(IdentityBlock identity, bool agencyFound, HeaderBlocks blocks, ImportWarnings warnings)
    {
        if (identity.Title is null)
        {
            warnings.Blocking("Nama/Judul SOP tidak ditemukan; judul diisi sementara.");
        }

        if (!agencyFound)
        {
            warnings.Blocking("Nama instansi (OPD) tidak terbaca dari kop dokumen; isi agency.name.");
        }

        foreach (var (kind, item) in RunOnItemDetector.Find(blocks))
        {
            warnings.Add($"Blok {RunOnItemDetector.Label(kind)}: \"{item}\" tampaknya beberapa butir yang ditulis bersambung tanpa nomor; pisahkan secara manual.");
        }

        warnings.Blocking("Zona waktu (WIB/WITA/WIT) tidak tertulis di dokumen; isi agency.timeZone sebelum templat diterbitkan.", "agency.timeZone");
        if (!blocks.Items.Any())
        {
            warnings.Add("Blok Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan, Peralatan, Peringatan dan Pencatatan tidak ditemukan.");
        }
    }

    private static string TemplateId(SopAgency agency, string title)
    {
        string region = agency.Region is null ? "" : System.Text.RegularExpressions.Regex.Replace(agency.Region, @"^(?i:kabupaten|kota|provinsi)\s+", "");
        string name = title.StartsWith("SOP ", StringComparison.OrdinalIgnoreCase) ? title[4..] : title;
        string id = Slug.From($"{region} {agency.Name} {name}", 90);
        return id.Length > 0 ? id : "sop-impor";
    }
}
