namespace RecurrentGpt.Core.Memory;

public enum MemoryMode
{
    /// <summary>The model names sentences to drop and sentences to add; code applies them.</summary>
    Edit,

    /// <summary>The model rewrites the whole memory each step (the paper's behaviour).</summary>
    Rewrite,
}
