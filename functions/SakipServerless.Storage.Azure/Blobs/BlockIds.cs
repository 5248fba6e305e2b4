using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SakipServerless.Storage.Azure.Blobs;

/// <summary>
/// Block ids made from the upload session's staging key, the block's byte offset and a tag of the request that staged
/// it: all of one length (the service requires it per blob), the same for a retried request, and different for any
/// other request or session.
/// </summary>
/// <remarks>
/// Because an id names the session, a commit whose answer was lost can be recognised afterwards: the committed block
/// list holds exactly the ids this request staged. The request tag keeps two requests racing on one staged upload from
/// overwriting each other's uncommitted blocks.
/// </remarks>
public static class BlockIds
{
    /// <summary>The tag of blocks copied into a stored file on promotion (one promotion per staging key).</summary>
    public const string PromotionTag = "promoted";

    /// <summary>A fresh tag for one append request (8 characters, like <see cref="PromotionTag"/>).</summary>
    public static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>The base64 block id of the bytes at <paramref name="offset"/> staged by the request tagged <paramref name="tag"/>.</summary>
    public static string For(string stagingKey, long offset, string tag)
    {
        if (tag.Length != 8)
        {
            throw new ArgumentException("A block id tag has 8 characters.", nameof(tag));
        }

        string session = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stagingKey)))[..16];
        string text = $"{session}-{offset.ToString("D13", CultureInfo.InvariantCulture)}-{tag}";
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text));
    }
}
