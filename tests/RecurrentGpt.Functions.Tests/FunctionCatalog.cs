using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RecurrentGpt.Workflow;

namespace RecurrentGpt.Functions.Tests;

/// <summary>What the Functions assembly declares and what the Workflow assembly expects, found by reflection.</summary>
internal static class FunctionCatalog
{
    public sealed record DeclaredFunction(string Name, MethodInfo Method)
    {
        public ParameterInfo? ParameterWith<TAttribute>()
            where TAttribute : Attribute => Method.GetParameters().SingleOrDefault(p => p.GetCustomAttribute<TAttribute>() is not null);
    }

    /// <summary>A [DurableTask] class of Workflow, its input and output types from its generic base.</summary>
    public sealed record DurableTaskClass(string Name, Type Type, bool IsOrchestrator, Type Input, Type Output);

    public static IReadOnlyList<DeclaredFunction> DeclaredFunctions() =>
        typeof(FunctionsServices).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(found => found.Function is not null)
            .Select(found => new DeclaredFunction(found.Function!.Name, found.Method))
            .ToList();

    public static IReadOnlyList<DurableTaskClass> WorkflowTasks() =>
        typeof(WorkflowNames).Assembly.GetTypes()
            .Select(type => (Type: type, Task: type.GetCustomAttribute<DurableTaskAttribute>()))
            .Where(found => found.Task is not null && !found.Type.IsAbstract)
            .Select(found => Describe(found.Task!.Name.Name, found.Type))
            .ToList();

    /// <summary>The constants of WorkflowNames that name an orchestrator or an activity (the rest name events).</summary>
    public static IReadOnlyList<string> TaskNamesInWorkflowNames() =>
        typeof(WorkflowNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && !field.Name.EndsWith("Event", StringComparison.Ordinal))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

    private static DurableTaskClass Describe(string name, Type type)
    {
        for (Type? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(TaskActivity<,>))
            {
                return new DurableTaskClass(name, type, false, current.GetGenericArguments()[0], current.GetGenericArguments()[1]);
            }

            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>))
            {
                return new DurableTaskClass(name, type, true, current.GetGenericArguments()[0], current.GetGenericArguments()[1]);
            }
        }

        throw new InvalidOperationException($"{type} has [DurableTask] but is neither a TaskActivity nor a TaskOrchestrator");
    }
}
