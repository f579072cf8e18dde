using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RecurrentGpt.Core.Story;
using RecurrentGpt.Workflow.Contracts;

namespace RecurrentGpt.Functions.Tests;

/// <summary>
/// On Functions every orchestration input, activity input and output and event crosses the worker's serializer (the
/// local runtime uses the Durable Task SDK's own): each type of the workflow must come back as it went.
/// </summary>
public class WorkerSerializerTests
{
    private static readonly StoryProgress Progress = new("s-abcdefghij", 3, 5, 8, StoryMode.Auto, StoryStatus.AwaitingEpisode, ["plan one", "plan two", "plan three"], Episode: 2, EndsEpisode: true, HasCallback: true, NextPlanChosen: true);

    private static readonly Dictionary<Type, object> Samples = new()
    {
        [typeof(string)] = "s-abcdefghij",
        [typeof(bool)] = true,
        [typeof(int)] = 4,
        [typeof(StepRef)] = new StepRef("s-abcdefghij", 4),
        [typeof(StoryCursor)] = new StoryCursor("s-abcdefghij", 4, new ModelRetry(3, TimeSpan.FromSeconds(5)), Progress),
        [typeof(StoryProgress)] = Progress,
        [typeof(StoryOutcome)] = new StoryOutcome("s-abcdefghij", 8, "completed"),
        [typeof(ChoiceOutcome)] = new ChoiceOutcome(true),
        [typeof(StepWritten)] = new StepWritten(4, 2),
        [typeof(Notification)] = new Notification("s-abcdefghij", NotificationKind.EpisodePublished, 4),
        [typeof(AttentionNote)] = new AttentionNote("s-abcdefghij", 4, "the model answered 429 three times"),
        [typeof(TimeoutPolicy)] = TimeoutPolicy.AutoChoose,
        [typeof(WriteRequest)] = new WriteRequest("s-abcdefghij", 4, [new RetrievedMemory(1, "The keeper lit the lamp.", "The keeper lit the lamp at dusk.", 0.82f)]),
        [typeof(IReadOnlyList<RetrievedMemory>)] = new List<RetrievedMemory> { new(0, "A bottle washed ashore.", null, 0.5f) },
        [typeof(StoryStatusView)] = new StoryStatusView(4, "interactive", "awaiting-choice", 5, ["a", "b", "c"], null),
    };

    [Fact]
    public void Every_input_and_output_of_the_workflow_comes_back_from_the_worker_serializer_as_it_went()
    {
        using IHost host = FunctionsApplication.CreateBuilder([]).Build();
        ObjectSerializer serializer = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer
            ?? throw new InvalidOperationException("the worker has no serializer");
        IEnumerable<Type> crossing = FunctionCatalog.WorkflowTasks().SelectMany(task => new[] { task.Input, task.Output }).Distinct();

        foreach (Type type in crossing.Concat([typeof(int), typeof(StoryStatusView)]))
        {
            Assert.True(Samples.TryGetValue(type, out object? sample), $"no sample of {type.Name}: add one to see it survive the worker's serializer");
            string sent = serializer.Serialize(sample, type, CancellationToken.None).ToString();
            object? received = serializer.Deserialize(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(sent)), type, CancellationToken.None);
            Assert.Equal(sent, serializer.Serialize(received, type, CancellationToken.None).ToString());
        }
    }
}
