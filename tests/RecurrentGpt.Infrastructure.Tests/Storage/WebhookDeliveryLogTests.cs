using RecurrentGpt.Infrastructure.Storage;
using RecurrentGpt.TestSupport;

namespace RecurrentGpt.Infrastructure.Tests.Storage;

public sealed class WebhookDeliveryLogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_delivery_id_is_remembered_once_and_can_be_forgotten_again()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var log = new WebhookDeliveryLog(await StorageTestKit.ClientsAsync(azurite, deadline.Token));

        Assert.True(await log.TryRememberAsync("delivery-once", Now, deadline.Token));
        Assert.False(await log.TryRememberAsync("delivery-once", Now, deadline.Token));
        await log.ForgetAsync("delivery-once", Now, deadline.Token);
        Assert.True(await log.TryRememberAsync("delivery-once", Now, deadline.Token));
    }

    [Fact]
    public async Task Old_days_are_forgotten_in_bounded_batches_and_recent_ones_are_kept()
    {
        using CancellationTokenSource deadline = StorageTestKit.StartDeadline();
        var log = new WebhookDeliveryLog(await StorageTestKit.ClientsAsync(azurite, deadline.Token));
        for (int i = 0; i < 5; i++)
        {
            await log.TryRememberAsync($"old-{i}", Now.AddDays(-3).AddMinutes(i), deadline.Token);
        }

        await log.TryRememberAsync("yesterday", Now.AddDays(-1), deadline.Token);
        await log.TryRememberAsync("today", Now, deadline.Token);

        int first = await log.ForgetBeforeAsync(Now.AddDays(-2), 3, deadline.Token);
        int second = await log.ForgetBeforeAsync(Now.AddDays(-2), 3, deadline.Token);
        int third = await log.ForgetBeforeAsync(Now.AddDays(-2), 3, deadline.Token);

        Assert.Equal((3, 2, 0), (first, second, third));
        Assert.True(await log.TryRememberAsync("old-0", Now.AddDays(-3), deadline.Token));
        Assert.False(await log.TryRememberAsync("yesterday", Now.AddDays(-1), deadline.Token));
        Assert.False(await log.TryRememberAsync("today", Now, deadline.Token));
        Assert.Throws<ArgumentException>(() => log.TryRememberAsync("bad id with spaces", Now, deadline.Token).GetAwaiter().GetResult());
    }
}
