namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>A value is larger than a table property may hold; nothing was written.</summary>
public sealed class StoredValueTooLargeException(string table, string rowKey, string property, long bytes, long limit)
    : Exception($"Table {table}, row '{rowKey}': {property} is {bytes:N0} bytes, over the {limit:N0}-byte limit of a table property. Nothing was written.")
{
    public string Table { get; } = table;

    public string RowKey { get; } = rowKey;

    public string Property { get; } = property;

    public long Bytes { get; } = bytes;
}
