using SakipServerless.Api.MasterData.Indicators;
using SakipServerless.Core.Capaian;

namespace SakipServerless.Api.MasterData.Import;

/// <summary>
/// Reads a Perjanjian Kinerja sheet (one row per indicator) into drafts, collecting every problem with its row and
/// column instead of stopping at the first. The header row may sit below title rows; a blank sasaran cell repeats the
/// sasaran above it, because sheets merge that cell over the indicators of one sasaran and CSV keeps only the first.
/// </summary>
public static class IndicatorSheetReader
{
    public const int MaxDataRows = 2000;

    /// <summary>Title rows ("PERJANJIAN KINERJA TAHUN 2026", the OPD name) searched for the header.</summary>
    private const int HeaderSearchRows = 15;

    public static CsvSheet Read(byte[] bytes)
    {
        var (text, encoding) = CsvText.Decode(bytes);
        // Rows are numbered as Excel shows them; Excel hides a sep= line, so the numbering starts after it.
        char? hint = CsvParser.SeparatorHint(text, out string body);

        // The separator is the one under which a header row is recognised best: cheaper to try all three than to
        // guess from character counts that decimal commas and commas in indicator names distort.
        var best = (hint is { } h ? new[] { h } : CsvParser.Separators)
            .Select(sep => (Separator: sep, Records: CsvParser.Parse(body, sep, out int? open), Open: open))
            .Select(p => (p.Separator, p.Records, p.Open, Header: FindHeader(p.Records)))
            .OrderByDescending(p => p.Header.Recognized)
            .First();

        var errors = new List<ImportRowError>();
        string separatorName = best.Separator switch { ';' => ";", ',' => ",", '\t' => "tab", var c => c.ToString() };
        if (best.Open is { } openRow)
        {
            errors.Add(new(openRow, null, "Tanda kutip (\") dibuka tetapi tidak ditutup; periksa isian pada baris ini."));
            return new CsvSheet([], errors, separatorName, encoding, 0, []);
        }

        if (best.Records.All(r => r.IsBlank))
        {
            errors.Add(new(1, null, "Berkas kosong; isi satu baris judul kolom lalu satu baris per indikator."));
            return new CsvSheet([], errors, separatorName, encoding, 0, []);
        }

        var (headerIndex, columns, _) = best.Header;
        if (headerIndex < 0)
        {
            errors.Add(new(1, null,
                $"Baris judul kolom tidak ditemukan di {HeaderSearchRows} baris pertama; kolom yang dibutuhkan: {string.Join(", ", IndicatorColumns.Required.Select(IndicatorColumns.DisplayName))}."));
            return new CsvSheet([], errors, separatorName, encoding, 0, []);
        }

        var header = best.Records[headerIndex];
        int headerRow = header.Row;
        var ignored = new List<string>();
        var map = new Dictionary<IndicatorField, int>();
        for (int i = 0; i < header.Fields.Count; i++)
        {
            string name = header.Fields[i].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (columns[i] is not { } field)
            {
                ignored.Add(name);
            }
            else if (map.TryGetValue(field, out int first))
            {
                errors.Add(new(headerRow, name, $"Kolom '{name}' dan '{header.Fields[first].Trim()}' sama-sama dibaca sebagai {IndicatorColumns.DisplayName(field)}; hapus salah satunya."));
            }
            else
            {
                map[field] = i;
            }
        }

        foreach (var missing in IndicatorColumns.Required.Where(f => !map.ContainsKey(f)))
        {
            errors.Add(new(headerRow, IndicatorColumns.DisplayName(missing), $"Kolom {IndicatorColumns.DisplayName(missing)} tidak ditemukan di baris judul (baris {headerRow})."));
        }

        if (errors.Count > 0)
        {
            return new CsvSheet([], errors, separatorName, encoding, headerRow, ignored);
        }

        var data = best.Records.Skip(headerIndex + 1).Where(r => !r.IsBlank).ToList();
        if (data.Count == 0)
        {
            errors.Add(new(headerRow, null, "Berkas tidak memuat baris indikator di bawah baris judul kolom."));
        }
        else if (data.Count > MaxDataRows)
        {
            errors.Add(new(data[MaxDataRows].Row, null, $"Satu berkas paling banyak memuat {MaxDataRows} indikator; bagi berkas menjadi beberapa bagian."));
            return new CsvSheet([], errors, separatorName, encoding, headerRow, ignored);
        }

        var rows = new List<CsvIndicatorRow>();
        var kodes = new Dictionary<string, int>(StringComparer.Ordinal);
        string? sasaranAbove = null;
        foreach (var record in data)
        {
            int row = record.Row;
            var cells = new RowCells(record, map, header);
            var rowErrors = new List<ImportRowError>();
            string? sasaran = MasterDataText.Clean(cells[IndicatorField.Sasaran]) ?? sasaranAbove;
            sasaranAbove = sasaran;
            var draft = ReadDraft(row, cells, sasaran, rowErrors);
            if (draft is not null)
            {
                rowErrors.AddRange(IndicatorRules.Check(draft).Select(e => new ImportRowError(row, cells.Column(e.Field), e.Message)));
                string key = IndicatorKode.Key(draft.Kode);
                if (key.Length > 0 && kodes.TryGetValue(key, out int firstRow))
                {
                    rowErrors.Add(new(row, cells.Column(IndicatorField.Kode), $"Kode '{draft.Kode}' sudah dipakai pada baris {firstRow}; kode harus unik dalam satu berkas."));
                }
                else if (key.Length > 0)
                {
                    kodes[key] = row;
                }
            }

            if (rowErrors.Count == 0)
            {
                rows.Add(new CsvIndicatorRow(row, draft!));
            }

            errors.AddRange(rowErrors);
        }

        return new CsvSheet(rows, errors, separatorName, encoding, headerRow, ignored);
    }

    private static IndicatorDraft? ReadDraft(int row, RowCells cells, string? sasaran, List<ImportRowError> errors)
    {
        string? Text(IndicatorField field, string missing)
        {
            string? value = MasterDataText.Clean(cells[field]);
            if (value is null)
            {
                errors.Add(new(row, cells.Column(field), missing));
            }

            return value;
        }

        string? kode = Text(IndicatorField.Kode, "Kode indikator wajib diisi (mis. IKU 1).");
        if (sasaran is null)
        {
            errors.Add(new(row, cells.Column(IndicatorField.Sasaran), "Sasaran wajib diisi (baris kosong mengikuti sasaran di atasnya, tetapi belum ada sasaran di atas baris ini)."));
        }

        string? name = Text(IndicatorField.Name, "Nama indikator wajib diisi.");
        string? satuan = Text(IndicatorField.Satuan, "Satuan wajib diisi (mis. %, dokumen, orang).");

        Polarity? polarity = null;
        if (Text(IndicatorField.Polarity, "Polaritas wajib diisi: positif (makin besar makin baik) atau negatif (makin kecil makin baik).") is { } p)
        {
            polarity = CsvValues.ParsePolarity(p);
            if (polarity is null)
            {
                errors.Add(new(row, cells.Column(IndicatorField.Polarity), $"Polaritas '{p}' tidak dikenal; isi positif atau \"{IndicatorWords.Describe(Polarity.Positive)}\", negatif atau \"{IndicatorWords.Describe(Polarity.Negative)}\"."));
            }
        }

        AggregationType? aggregation = null;
        if (Text(IndicatorField.Aggregation, "Agregasi wajib diisi: kumulatif, non-kumulatif atau rata-rata.") is { } a)
        {
            aggregation = CsvValues.ParseAggregation(a);
            if (aggregation is null)
            {
                errors.Add(new(row, cells.Column(IndicatorField.Aggregation), $"Agregasi '{a}' tidak dikenal; isi kumulatif (triwulan dijumlahkan), non-kumulatif (nilai triwulan terakhir) atau rata-rata."));
            }
        }

        decimal? Number(IndicatorField field)
        {
            string cell = cells[field];
            if (CsvValues.TryParseNumber(cell, out decimal? value))
            {
                return value;
            }

            errors.Add(new(row, cells.Column(field), $"'{cell.Trim()}' bukan angka; tulis mis. 87,5 atau 87.5 (kosongkan bila tidak ada)."));
            return null;
        }

        decimal? min = Number(IndicatorField.Min);
        decimal? max = Number(IndicatorField.Max);
        decimal? tahunan = Number(IndicatorField.TargetTahunan);
        decimal? q1 = Number(IndicatorField.TargetQ1);
        decimal? q2 = Number(IndicatorField.TargetQ2);
        decimal? q3 = Number(IndicatorField.TargetQ3);
        decimal? q4 = Number(IndicatorField.TargetQ4);
        return errors.Count > 0
            ? null
            : new IndicatorDraft(kode!, sasaran!, name!, satuan!, polarity!.Value, aggregation!.Value, min, max, tahunan, q1, q2, q3, q4);
    }

    /// <summary>The header row among the first records: the one with the most recognised columns, at least the kode and the indicator.</summary>
    private static (int Index, IndicatorField?[] Columns, int Recognized) FindHeader(IReadOnlyList<CsvRecord> records)
    {
        (int Index, IndicatorField?[] Columns, int Recognized) best = (-1, [], 0);
        foreach (var (record, index) in records.Take(HeaderSearchRows).Select((r, i) => (r, i)))
        {
            var columns = record.Fields.Select(IndicatorColumns.Recognize).ToArray();
            int recognized = columns.Where(c => c is not null).Distinct().Count();
            if (columns.Contains(IndicatorField.Kode) && columns.Contains(IndicatorField.Name) && recognized > best.Recognized)
            {
                best = (index, columns, recognized);
            }
        }

        return best;
    }

    /// <summary>The cells of one record by field, and the column name to report for each field.</summary>
    private sealed class RowCells(CsvRecord record, IReadOnlyDictionary<IndicatorField, int> map, CsvRecord header)
    {
        public string this[IndicatorField field] => map.TryGetValue(field, out int i) ? record[i] : "";

        public string Column(IndicatorField field) =>
            map.TryGetValue(field, out int i) ? header.Fields[i].Trim() : IndicatorColumns.DisplayName(field);
    }
}
