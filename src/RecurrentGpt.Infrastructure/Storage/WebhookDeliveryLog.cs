using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>
/// Table WebhookDeliveries: the delivery ids a webhook has handled. Remembering is a conditional insert, so of two
/// concurrent deliveries with one id exactly one proceeds. Partitioned by day so old days can be dropped whole.
/// </summary>
public sealed class WebhookDeliveryLog(StorageClients clients)
{
    public const int MaxIdLength = 128;

    private readonly TableClient _table = clients.WebhookDeliveries;

    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>True when this call remembered the id first; false when it was seen before.</summary>
    /// <param name="signedAt">The delivery's signed timestamp: a redelivery carries the same one, so it lands in the same partition.</param>
    public async Task<bool> TryRememberAsync(string deliveryId, DateTimeOffset signedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition(signedAt), Require(deliveryId)) { ["SignedAt"] = StoredTime.Format(signedAt) };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Forgets a delivery whose handling failed, so the sender's retry is handled afresh.</summary>
    public async Task ForgetAsync(string deliveryId, DateTimeOffset signedAt, CancellationToken cancellationToken) =>
        await _table.DeleteEntityAsync(Partition(signedAt), Require(deliveryId), ETag.All, cancellationToken);

    /// <summary>
    /// Drops remembered deliveries signed before <paramref name="cutoff"/>'s day, at most <paramref name="max"/> per call.
    /// A delivery that old is refused by its timestamp anyway, so its id need not be kept; this keeps the table small.
    /// </summary>
    public async Task<int> ForgetBeforeAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        string filter = TableClient.CreateQueryFilter($"PartitionKey lt {Partition(cutoff)}");
        var old = new List<(string Partition, string Row)>();
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            old.Add((row.PartitionKey, row.RowKey));
            if (old.Count == max)
            {
                break;
            }
        }

        foreach ((string partition, string rowKey) in old)
        {
            await _table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        }

        return old.Count;
    }

    private static string Partition(DateTimeOffset signedAt) => signedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Require(string id) =>
        IsValidId(id) ? id : throw new ArgumentException($"a delivery id has 1 to {MaxIdLength} letters, digits, '-', '_', '.' or ':'", nameof(id));
}
