using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using RecurrentGpt.Local.Cli;

namespace RecurrentGpt.Local.Hosting;

/// <summary>
/// Settings rgpt cannot use, said in one line naming the setting as the configuration spells it and as an environment
/// variable. The configuration binder reports a value it cannot convert with an exception whose message names both.
/// </summary>
internal static partial class SettingProblems
{
    /// <summary><c>Model:Provider (RGPT_Model__Provider)</c>.</summary>
    public static string Name(string key) => $"{key} (RGPT_{key.Replace(":", "__", StringComparison.Ordinal)})";

    /// <summary>Runs a bind; a value it cannot convert becomes a <see cref="UsageException"/> naming the setting.</summary>
    public static T Bind<T>(Func<T> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        try
        {
            return bind();
        }
        catch (Exception ex) when (TryDescribe(ex, out string? problem))
        {
            throw new UsageException(problem);
        }
    }

    /// <summary>True when <paramref name="exception"/> (or one inside it) is the binder failing to convert a value.</summary>
    public static bool TryDescribe(Exception exception, [NotNullWhen(true)] out string? problem)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException { InnerExceptions: [Exception only] })
            {
                current = only;
            }

            if (current is InvalidOperationException && BinderFailure().Match(current.Message) is { Success: true } match)
            {
                problem = $"the setting {Name(match.Groups["key"].Value)} is \"{match.Groups["value"].Value}\"; it must be {Expected(match.Groups["type"].Value)}";
                return true;
            }
        }

        problem = null;
        return false;
    }

    private static string Expected(string typeName)
    {
        Type? type = Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(typeName)).FirstOrDefault(found => found is not null);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(TimeSpan) => "a time span such as 00:00:30",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number",
            _ when type == typeof(Uri) => "an absolute URI",
            _ => "a valid " + (type?.Name ?? typeName),
        };
    }

    // As Microsoft.Extensions.Configuration.Binder words it: Failed to convert configuration value 'X' at 'Model:Provider' to type 'T'.
    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();
}
