namespace RecurrentGpt.Core.Lines;

/// <summary>
/// Where a fork came from: story <paramref name="ParentId"/> as it stood after step <paramref name="Step"/>.
/// <paramref name="Ancestors"/> is the whole chain, parent first: their edits and overrides of the shared text show in
/// this story too, so its readers look at each of them.
/// </summary>
public sealed record ForkOrigin(string ParentId, int Step, IReadOnlyList<string> Ancestors)
{
    /// <summary>A fork chain as deep as a lineage can be.</summary>
    public const int MaxAncestors = Lineage.MaxSegments - 1;
}
