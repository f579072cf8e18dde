using RecurrentGpt.Core.Memory;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Core.Writing;
using RecurrentGpt.Infrastructure.Models;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Models;

/// <summary>Options pointing the real factory at a local server, and the story inputs the writer tests share.</summary>
internal static class ModelTestKit
{
    public const string AzureKey = "azure-test-key-3f9c1e";
    public const string OpenAIKey = "sk-test-key-8d2b7a";
    public const string Deployment = "story-writer";
    public const string ModelName = "llama3.1:8b";

    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(30);

    public static readonly Premise Premise = new("gothic mystery", "a lighthouse keeper's inheritance", null, StoryLanguage.English);

    public static ModelOptions Azure(ChatCompletionsServer server, int maxRetries = 0, string? apiKey = AzureKey, string? apiVersion = null) => new()
    {
        Provider = ModelProvider.AzureOpenAI,
        Endpoint = server.BaseUrl.ToString(),
        Deployment = Deployment,
        ApiKey = apiKey,
        ApiVersion = apiVersion,
        MaxRetries = maxRetries,
        NetworkTimeoutSeconds = 30,
    };

    public static ModelOptions OpenAICompatible(ChatCompletionsServer server, int maxRetries = 0, string? apiKey = OpenAIKey) => new()
    {
        Provider = ModelProvider.OpenAICompatible,
        BaseUrl = server.OpenAIBaseUrl.ToString(),
        ModelName = ModelName,
        ApiKey = apiKey,
        MaxRetries = maxRetries,
        NetworkTimeoutSeconds = 30,
    };

    public static RecurrentWriter Writer(ModelOptions options, WriterSettings? settings = null) =>
        new(ChatClientFactory.Create(options), settings ?? WriterSettings.Default);

    public static StepRequest Step(ShortTermMemory? memory = null) => new(
        Premise,
        "The Keeper of Gull Rock",
        "Ada inherits a lighthouse and learns why every keeper before her left in a hurry.",
        Step: 3,
        PreviousParagraph: "The lamp room smelled of oil and salt, and the logbook was missing.",
        ShortTermMemory: memory ?? ShortTermMemory.FromText("Ada has inherited the lighthouse on Gull Rock. The keeper's logbook is missing."),
        LongTermMemories: [new RetrievedMemory(0, "Ada arrives at Gull Rock with her uncle's key.", null, 0.82f)],
        ChosenPlan: "Ada hears something in the cellar at night.");

    /// <summary>Bounds a whole test, so that a hang fails it instead of stalling the run.</summary>
    public static CancellationTokenSource StartDeadline() => new(Deadline);
}
