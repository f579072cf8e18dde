namespace RecurrentGpt.Local.Cli;

internal static class Help
{
    public const string Text = """
        rgpt — RecurrentGPT on one machine (a durable workflow on a local runtime over Azurite)

          rgpt write "<premise>" [--genre G] [--paragraphs N] [--mode auto|interactive] [--language en|zh] [--id ID] [--out FILE]
              Starts a story of N paragraphs (default 8) and follows it, keeping stories/<id>.md current.
              Interactive mode asks for a plan after each paragraph. Ctrl-C pauses the story (a second Ctrl-C
              stops waiting for the model call in flight).
          rgpt resume <id> [--out FILE]      Continues a paused, interrupted or failed story.
          rgpt list                           Lists the stories.
          rgpt show <id> [--json]             Shows a story's state, memory and plans.
          rgpt check <id>                     Checks a story's blobs and rows against each other: one line per
                                              inconsistency and exit 1, or "whole" and exit 0.
          rgpt rewind <id> <step>             Rewinds a story to just after a committed step (0: after the opening);
                                              the steps after it are kept as a branch. rgpt resume continues it.
          rgpt branches <id>                  Lists the branches a story left by rewinding.
          rgpt restore <id> <branch>          Puts a story back on a branch it left, exactly as it was.
          rgpt log <id>                       The story's timeline: per step how its plan was chosen, its words and
                                              author, its takes and the branches that leave after it.
          rgpt fork <id> <step> [--id NEW] [--mode auto|interactive]
              Forks a story at a committed step into a new story that shares the text up to there (nothing is
              copied) and goes its own way; the story forked stays as it is. rgpt resume NEW continues the fork.
          rgpt export <id> --format md|txt [--out FILE]
          rgpt serve [--port P] [--host ADDRESS]
              Serves the v1 HTTP API (the same as the Functions app) on 127.0.0.1:P (default 7071) until Ctrl-C,
              and the writer's studio (a web page) at /; prints the key that changes need (header x-functions-key)
              and the studio's address with the key in it. Webhook secret: RGPT_Webhook__Secret.
          rgpt version                        Prints rgpt's version (also --version).

        Data lives in .data/ of the current folder (RGPT_DATA to change). Each data folder has an Azurite of its own,
        started by the first rgpt that needs it (on 127.0.0.1:10000-10002 when free, else on free ports it records)
        and stopped by the last one using it; RGPT_Storage__ConnectionString uses other storage instead. The model
        comes from RGPT_Model__* settings or rgpt.json; with none, rgpt uses Ollama on localhost when it answers,
        else the offline writer, and says so.

        Exit codes of write and resume: 0 the story is complete (or was cancelled), 1 unexpected failure, 2 bad input
        or settings, 3 needs attention, 4 no progress for 30 minutes, 5 paused, 130 paused by Ctrl-C. See README.md.
        """;
}
