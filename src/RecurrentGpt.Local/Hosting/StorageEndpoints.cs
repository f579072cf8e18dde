namespace RecurrentGpt.Local.Hosting;

/// <summary>The services a storage connection string reaches, and the account it names.</summary>
internal sealed record StorageEndpoints(Uri Blob, Uri Queue, Uri Table, string AccountName);
