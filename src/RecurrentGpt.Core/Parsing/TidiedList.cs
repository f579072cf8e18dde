namespace RecurrentGpt.Core.Parsing;

/// <summary>A tidied list, and where each item the output named ended up.</summary>
internal sealed class TidiedList(IReadOnlyList<string> texts, IReadOnlyList<ListItem> ordered, bool byNumber, int?[] keptAt, string?[] gone)
{
    public IReadOnlyList<string> Texts { get; } = texts;

    /// <summary>How many items the output gave.</summary>
    public int Given => ordered.Count;

    /// <summary>
    /// The 1-based place in <see cref="Texts"/> of the item the output called <paramref name="number"/> (by its marker
    /// number, or by its place when unnumbered); null when there is no such item or it was set aside, and then
    /// <paramref name="why"/> says which (null, "empty" or "cut").
    /// </summary>
    public int? Find(int number, out string? why)
    {
        int position = -1;
        for (int i = 0; i < ordered.Count && position < 0; i++)
        {
            if (byNumber ? ordered[i].Number == number : i == number - 1)
            {
                position = i;
            }
        }

        why = position < 0 ? null : gone[position];
        return position < 0 || keptAt[position] is null ? null : keptAt[position] + 1;
    }
}
