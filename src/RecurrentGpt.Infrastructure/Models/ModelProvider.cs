namespace RecurrentGpt.Infrastructure.Models;

/// <summary>Who answers the writer's chat calls.</summary>
public enum ModelProvider
{
    /// <summary>An Azure OpenAI deployment, with a key or Entra ID.</summary>
    AzureOpenAI,

    /// <summary>Any server speaking OpenAI's chat-completions protocol: OpenAI, Ollama, vLLM, llama.cpp server, LM Studio.</summary>
    OpenAICompatible,

    /// <summary>The deterministic offline writer: a rehearsal tool, never presented as a model.</summary>
    Offline,
}
