namespace RecurrentGpt.Infrastructure;

/// <summary>Options that can say what is wrong with them, one sentence per problem, naming the setting.</summary>
public interface ISelfValidatingOptions
{
    IReadOnlyList<string> Validate();
}
