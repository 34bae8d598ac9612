namespace Multistage.Core.Docker;

/// <summary>An image's compressed size (<see cref="SavedImageSize"/>) and how it was arrived at.</summary>
/// <param name="Bytes">Each blob gzipped on its own, plus the archive's other files gzipped together.</param>
/// <param name="BlobsCompressed">Blobs gzipped by this measurement.</param>
/// <param name="BlobsFromCache">Blobs whose size the <see cref="LayerSizeCache"/> knew: read past, not gzipped.</param>
public sealed record CompressedImage(long Bytes, int BlobsCompressed, int BlobsFromCache);
