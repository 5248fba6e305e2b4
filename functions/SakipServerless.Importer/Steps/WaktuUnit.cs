namespace SakipServerless.Importer.Steps;

/// <summary>The unit a Waktu header declares ("Waktu (menit)"), which bare numbers in that column are counted in.</summary>
internal enum WaktuUnit
{
    Unspecified,
    Minutes,
    Hours,
    Days,
}
