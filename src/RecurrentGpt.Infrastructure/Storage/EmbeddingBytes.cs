using System.Buffers.Binary;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>An embedding as a binary column of little-endian float32s: 4 bytes a dimension, exact, whatever the host's byte order.</summary>
internal static class EmbeddingBytes
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (int i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    public static float[] Decode(ReadOnlySpan<byte> bytes, string what)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new InvalidDataException($"{what} is {bytes.Length} bytes, not a whole number of float32s.");
        }

        var vector = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return vector;
    }
}
