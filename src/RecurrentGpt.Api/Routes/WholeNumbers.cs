using System.Globalization;

namespace RecurrentGpt.Api.Routes;

/// <summary>Route and query numbers: digits only, so "-1", " 2" and "1e3" are refused rather than read.</summary>
internal static class WholeNumbers
{
    public static bool TryRead(string text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
}
