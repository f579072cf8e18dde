using System.Globalization;

namespace RecurrentGpt.Local.Cli;

/// <summary>Positional words and --name value options of one command, with every unknown or malformed option rejected.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <param name="knownFlags">Options that take no value, such as --json.</param>
    public Arguments(IEnumerable<string> args, IReadOnlyCollection<string> knownOptions, IReadOnlyCollection<string>? knownFlags = null)
    {
        knownFlags ??= [];
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            string arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
                continue;
            }

            string name = arg[2..];
            string? value = null;
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (knownFlags.Contains(name) && value is null)
            {
                _flags.Add(name);
                continue;
            }

            if (!knownOptions.Contains(name))
            {
                IEnumerable<string> known = knownOptions.Concat(knownFlags).Select(o => "--" + o);
                throw new UsageException($"unknown option --{name}{(known.Any() ? $" (known: {string.Join(", ", known)})" : " (this command takes none)")}");
            }

            if (value is null)
            {
                if (i + 1 >= list.Count || list[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"option --{name} needs a value");
                }

                value = list[++i];
            }

            if (!_options.TryAdd(name, value))
            {
                throw new UsageException($"option --{name} is given twice");
            }
        }
    }

    public List<string> Positional { get; } = [];

    public string? Text(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    public int Number(string name, int fallback, int min, int max)
    {
        if (!_options.TryGetValue(name, out string? text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new UsageException($"option --{name} must be a whole number from {min} to {max}, got \"{text}\"");
        }

        return value;
    }

    public string Choice(string name, string fallback, params string[] allowed)
    {
        string value = _options.GetValueOrDefault(name) ?? fallback;
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new UsageException($"option --{name} must be one of {string.Join(", ", allowed)}, got \"{value}\"");
    }
}
