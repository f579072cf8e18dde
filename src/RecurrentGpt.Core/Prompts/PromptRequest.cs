using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Core.Prompts;

/// <summary>One model call, ready to send: messages and options (with its response format), named by the schema it asks for.</summary>
public sealed record PromptRequest(string Purpose, IReadOnlyList<ChatMessage> Messages, ChatOptions Options, StoryLanguage Language);
