using System.Security.Cryptography;

namespace SakipServerless.Api.Files;

/// <summary>
/// Sees every byte of an upload once, in order, and keeps what the checks need from the whole content: the length,
/// the SHA-256, the first bytes (magic numbers) and, for CSV, the text checks. Fed either while the body streams
/// into staging or, for uploads staged in chunks over several requests, by reading the staged file.
/// </summary>
public sealed class ContentObserver : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _head = new byte[ContentSniffer.HeadLength];
    private readonly TextScanner? _text;
    private long _length;

    public ContentObserver(EvidenceType type) => _text = type.Kind == EvidenceKind.Csv ? new TextScanner() : null;

    public void Observe(ReadOnlySpan<byte> chunk)
    {
        if (_length < _head.Length)
        {
            chunk[..(int)Math.Min(chunk.Length, _head.Length - _length)].CopyTo(_head.AsSpan((int)_length));
        }

        _hash.AppendData(chunk);
        _text?.Feed(chunk);
        _length += chunk.Length;
    }

    /// <summary>What was seen; call once, after the last byte.</summary>
    public ObservedContent Finish() =>
        new(_length, Convert.ToHexStringLower(_hash.GetHashAndReset()), _head.AsSpan(0, (int)Math.Min(_length, _head.Length)).ToArray(), _text?.Problem);

    public void Dispose() => _hash.Dispose();
}
