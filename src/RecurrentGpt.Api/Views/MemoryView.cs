namespace RecurrentGpt.Api.Views;

public sealed record MemoryView(string ShortTermMemory, IReadOnlyList<string> Plans, string ETag);
