using Azure.Data.Tables;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Reads a stored row's columns, failing with the row and column named when one is missing or malformed.</summary>
internal static class EntityColumns
{
    public static string RequireString(this TableEntity entity, string column) =>
        entity.GetString(column) ?? throw Missing(entity, column);

    public static int RequireInt32(this TableEntity entity, string column) =>
        entity.GetInt32(column) ?? throw Missing(entity, column);

    public static long RequireInt64(this TableEntity entity, string column) =>
        entity.GetInt64(column) ?? throw Missing(entity, column);

    public static byte[] RequireBinary(this TableEntity entity, string column) =>
        entity.GetBinary(column) ?? throw Missing(entity, column);

    public static TEnum RequireEnum<TEnum>(this TableEntity entity, string column)
        where TEnum : struct, Enum
    {
        string text = entity.RequireString(column);
        return Enum.TryParse(text, ignoreCase: false, out TEnum value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"Row '{entity.PartitionKey}/{entity.RowKey}': column {column} holds '{text}', not a {typeof(TEnum).Name}.");
    }

    public static DateTimeOffset RequireTime(this TableEntity entity, string column) =>
        StoredTime.Parse(entity.RequireString(column));

    public static T RequireJson<T>(this TableEntity entity, string column) =>
        StorageJson.Deserialize<T>(entity.RequireString(column), $"Row '{entity.PartitionKey}/{entity.RowKey}' column {column}");

    /// <summary>Sets a column, or leaves it out when the value is null (a replace then removes it).</summary>
    public static void SetOptional(this TableEntity entity, string column, object? value)
    {
        if (value is not null)
        {
            entity[column] = value;
        }
    }

    private static InvalidDataException Missing(TableEntity entity, string column) =>
        new($"Row '{entity.PartitionKey}/{entity.RowKey}' has no column {column}.");
}
