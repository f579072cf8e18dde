namespace RecurrentGpt.Local.Cli;

internal static class Help
{
    public const string Text = """
        rgpt — RecurrentGPT on one machine

          rgpt write "<premise>" [--genre G] [--paragraphs N] [--mode auto|interactive] [--language en|zh] [--id ID] [--out FILE]
              Writes a story of N paragraphs (default 8) and saves it as Markdown (default stories/<id>.md).

        The model comes from configuration (environment variables RGPT_Model__Provider, RGPT_Model__Endpoint, …
        or rgpt.json in the current folder); with none, rgpt uses Ollama on localhost when it answers, else the
        offline writer, and says so. See README.md.
        """;
}
