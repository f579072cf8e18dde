namespace RecurrentGpt.Core.Memory;

/// <summary>
/// How the model wants the short-term memory to change. In edit mode only <see cref="Drops"/> and
/// <see cref="Additions"/> are set; in rewrite mode <see cref="Rewrite"/> holds the whole new memory and
/// <see cref="Rationale"/> says why.
/// </summary>
public sealed record MemoryUpdate(
    IReadOnlyList<MemoryDrop> Drops,
    IReadOnlyList<MemoryAddition> Additions,
    string? Rewrite = null,
    string? Rationale = null)
{
    public static MemoryUpdate Edit(IReadOnlyList<MemoryDrop> drops, IReadOnlyList<MemoryAddition> additions) =>
        new(drops, additions);

    public static MemoryUpdate FullRewrite(string memory, string rationale) =>
        new([], [], memory, rationale);

    public bool IsRewrite => Rewrite is not null;
}
