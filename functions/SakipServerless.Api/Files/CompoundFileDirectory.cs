using System.Buffers.Binary;
using System.Text;

namespace SakipServerless.Api.Files;

/// <summary>
/// Lists the stream names of an OLE compound file (MS-CFB), enough to tell a Word document ("WordDocument") from an
/// Excel workbook ("Workbook"/"Book") from anything else in the same container (.msi installers, .ppt, .msg).
/// Every chain walk is bounded by the sector count, so a crafted file cannot loop or allocate without limit.
/// </summary>
public static class CompoundFileDirectory
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const int HeaderDifatEntries = 109;
    private const int MaxDirectoryEntries = 100_000;

    /// <summary>The names of the stream objects, or null when the file is not a well-formed compound file.</summary>
    public static async Task<IReadOnlySet<string>?> StreamNamesAsync(Stream file, CancellationToken ct)
    {
        if (file.Length < 512)
        {
            return null;
        }

        var header = new byte[512];
        file.Position = 0;
        await file.ReadExactlyAsync(header, ct);
        int shift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (shift is not (9 or 12))
        {
            return null;
        }

        int sectorSize = 1 << shift;
        long sectorCount = (file.Length - sectorSize + sectorSize - 1) / sectorSize;
        if (sectorCount <= 0)
        {
            return null;
        }

        uint fatSectorCount = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x2C));
        uint firstDirectory = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
        uint firstDifat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));
        uint difatCount = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x48));
        if (fatSectorCount == 0 || fatSectorCount > sectorCount || difatCount > sectorCount)
        {
            return null;
        }

        // Where the FAT's own sectors are: 109 in the header, the rest in the DIFAT chain.
        var fatSectors = new List<uint>();
        for (int i = 0; i < HeaderDifatEntries && fatSectors.Count < fatSectorCount; i++)
        {
            uint s = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + (4 * i)));
            if (s != FreeSector)
            {
                fatSectors.Add(s);
            }
        }

        var sector = new byte[sectorSize];
        uint difat = firstDifat;
        for (uint walked = 0; fatSectors.Count < fatSectorCount && difat < sectorCount && walked < difatCount; walked++)
        {
            await ReadSectorAsync(file, difat, sector, ct);
            for (int i = 0; i < (sectorSize / 4) - 1 && fatSectors.Count < fatSectorCount; i++)
            {
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i)));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sectorSize - 4));
        }

        var fat = new uint[fatSectors.Count * (sectorSize / 4)];
        for (int f = 0; f < fatSectors.Count; f++)
        {
            if (fatSectors[f] >= sectorCount)
            {
                return null;
            }

            await ReadSectorAsync(file, fatSectors[f], sector, ct);
            for (int i = 0; i < sectorSize / 4; i++)
            {
                fat[(f * (sectorSize / 4)) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i));
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        uint current = firstDirectory;
        for (long walked = 0; current != EndOfChain; walked++)
        {
            if (current >= sectorCount || current >= fat.Length || walked > sectorCount || names.Count > MaxDirectoryEntries)
            {
                return null;
            }

            await ReadSectorAsync(file, current, sector, ct);
            for (int entry = 0; entry < sectorSize / 128; entry++)
            {
                var e = sector.AsSpan(entry * 128, 128);
                int nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(e[64..]);
                byte type = e[66];
                if (type == 2 && nameBytes is >= 2 and <= 64)
                {
                    names.Add(Encoding.Unicode.GetString(e[..(nameBytes - 2)]));
                }
            }

            current = fat[current];
        }

        return names;
    }

    private static async Task ReadSectorAsync(Stream file, uint index, byte[] buffer, CancellationToken ct)
    {
        file.Position = ((long)index + 1) * buffer.Length;
        int read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        buffer.AsSpan(read).Clear(); // the last sector may be short
    }
}
