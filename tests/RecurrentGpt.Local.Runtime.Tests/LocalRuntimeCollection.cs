using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Local.Runtime.Tests;

/// <summary>
/// One private Azurite for every runtime test, and the tests one at a time: each runtime polls storage and times its
/// steps, and two cores shared by parallel runtimes would make both slow and the measurements meaningless.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LocalRuntimeCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Local durable runtime";
}
