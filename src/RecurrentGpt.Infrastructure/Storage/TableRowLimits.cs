using Azure.Data.Tables;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// The table service's per-property limit (64 KiB; strings count two bytes a character, as UTF-16), checked before a
/// write so an oversized outline or memory fails with a name and a size instead of a bare 400.
/// </summary>
internal static class TableRowLimits
{
    public const int MaxPropertyBytes = 64 * 1024;

    public static TableEntity Checked(this TableEntity entity, string table)
    {
        foreach ((string property, object? value) in entity)
        {
            long bytes = value switch
            {
                string text => (long)text.Length * sizeof(char),
                byte[] binary => binary.Length,
                BinaryData binary => binary.ToMemory().Length,
                _ => 0,
            };
            if (bytes > MaxPropertyBytes)
            {
                throw new StoredValueTooLargeException(table, entity.RowKey, property, bytes, MaxPropertyBytes);
            }
        }

        return entity;
    }
}
