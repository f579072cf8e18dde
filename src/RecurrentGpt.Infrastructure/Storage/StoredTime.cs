using System.Globalization;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// Times in table columns are round-trip ISO 8601 strings: exact to the tick with their offset, readable by eye, and free
/// of the table service's Edm.DateTime floor (1601), which an unset <see cref="DateTimeOffset"/> would break.
/// </summary>
internal static class StoredTime
{
    public static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
