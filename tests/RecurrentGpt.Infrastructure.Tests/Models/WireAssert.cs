using Microsoft.Extensions.AI;
using RecurrentGpt.Core.Prompts;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Models;

/// <summary>Checks that a request on the wire carries exactly what the PromptBuilder made.</summary>
internal static class WireAssert
{
    public static void CarriesThePrompt(RecordedRequest request, PromptRequest prompt)
    {
        Assert.Equal(
            prompt.Messages.Select(m => (m.Role.Value, m.Text)),
            request.Messages().Select(m => (m.Role, m.Text)));
        Assert.Equal(ChatRole.System.Value, request.Messages()[0].Role);
        Assert.Equal(ChatRole.User.Value, request.Messages()[1].Role);
        var format = request.Json.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal(prompt.Purpose, format.GetProperty("json_schema").GetProperty("name").GetString());
    }
}
