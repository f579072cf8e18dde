using System.Net;
using Microsoft.Extensions.Options;
using RecurrentGpt.Workflow.Notifications;

namespace RecurrentGpt.Workflow.Tests.Notifications;

public class CallbackUrlPolicyTests
{
    internal const string Secret = "notification-secret-for-tests";

    [Theory]
    [InlineData("https://10.0.0.1/hook", "a private address")]
    [InlineData("https://172.20.1.1/hook", "a private address")]
    [InlineData("https://192.168.1.10/hook", "a private address")]
    [InlineData("https://169.254.169.254/latest", "a cloud metadata address")]
    [InlineData("https://100.100.100.200/latest", "a cloud metadata address")]
    [InlineData("https://[fd00:ec2::254]/latest", "a cloud metadata address")]
    [InlineData("https://169.254.10.20/x", "a link-local address")]
    [InlineData("https://[fe80::1]/x", "a link-local address")]
    [InlineData("https://[fd12:3456::1]/x", "a private address")]
    [InlineData("https://100.64.0.1/x", "a carrier-grade NAT address")]
    [InlineData("https://[::1]/x", "a loopback address")]
    [InlineData("https://127.0.0.1/x", "a loopback address")]
    [InlineData("https://0.0.0.0/x", "an unspecified address")]
    [InlineData("https://[::]/x", "an unspecified address")]
    [InlineData("https://224.0.0.1/x", "a multicast address")]
    [InlineData("https://255.255.255.255/x", "a reserved or broadcast address")]
    [InlineData("https://[::ffff:10.0.0.1]/", "a private address")]
    [InlineData("https://[::ffff:169.254.169.254]/", "a cloud metadata address")]
    [InlineData("https://[::ffff:127.0.0.1]/", "a loopback address")]
    [InlineData("https://[64:ff9b::a00:1]/", "a private address")]
    public async Task Callback_url_on_a_private_link_local_loopback_or_metadata_address_is_refused(string url, string reason)
    {
        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy().ValidateAsync(url, CancellationToken.None));

        Assert.EndsWith(reason, refused.Reason, StringComparison.Ordinal);
        Assert.StartsWith("callback URL refused: ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_to_loopback_without_the_development_flag_is_refused()
    {
        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy().ValidateAsync("http://127.0.0.1:5000/x", CancellationToken.None));

        Assert.Equal("it must use https", refused.Reason);
    }

    [Theory]
    [InlineData("ftp://hooks.example/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/hook")]
    [InlineData("hook")]
    [InlineData("//hooks.example/x")]
    public async Task Url_that_is_relative_or_not_http_is_refused(string url)
    {
        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy().ValidateAsync(url, CancellationToken.None));

        Assert.Equal("it must be an absolute https URL", refused.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_url_is_refused(string url) =>
        await Assert.ThrowsAsync<CallbackUrlRejectedException>(() => Policy().ValidateAsync(url, CancellationToken.None));

    [Fact]
    public async Task Url_with_user_info_is_refused()
    {
        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy().ValidateAsync("https://admin:hunter2@hooks.example/x", CancellationToken.None));

        Assert.Contains("user information", refused.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Url_longer_than_2048_characters_is_refused()
    {
        string url = "https://hooks.example/" + new string('a', CallbackUrlPolicy.MaxUrlLength);

        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy().ValidateAsync(url, CancellationToken.None));

        Assert.Contains("2048", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/x")]
    [InlineData("http://[::1]:5000/x")]
    [InlineData("http://localhost:5000/x")]
    [InlineData("https://127.0.0.1:5001/x")]
    public async Task With_the_development_flag_loopback_is_accepted(string url)
    {
        Uri accepted = await Policy(development: true).ValidateAsync(url, CancellationToken.None);

        Assert.Equal(new Uri(url), accepted);
    }

    [Fact]
    public async Task With_the_development_flag_plain_http_to_a_public_address_is_still_refused()
    {
        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy(development: true).ValidateAsync("http://hooks.example/x", CancellationToken.None));

        Assert.Contains("plain http is allowed only to a loopback address", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_development_flag_private_addresses_are_still_refused() =>
        await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy(development: true).ValidateAsync("https://10.0.0.1/hook", CancellationToken.None));

    [Fact]
    public async Task Host_name_resolving_to_a_private_address_is_refused()
    {
        var resolver = new FakeHostResolver().Map("internal.example", "10.0.0.5");

        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy(resolver: resolver).ValidateAsync("https://internal.example/hook", CancellationToken.None));

        Assert.Equal("host \"internal.example\" resolves to 10.0.0.5, a private address", refused.Reason);
    }

    [Fact]
    public async Task Host_name_with_one_private_address_among_public_ones_is_refused()
    {
        var resolver = new FakeHostResolver().Map("mixed.example", "93.184.216.34", "2606:2800:220:1::1", "192.168.0.7");

        await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy(resolver: resolver).ValidateAsync("https://mixed.example/hook", CancellationToken.None));
    }

    [Fact]
    public async Task Host_name_that_does_not_resolve_is_refused()
    {
        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy().ValidateAsync("https://nowhere.example/hook", CancellationToken.None));

        Assert.Contains("nowhere.example", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_address_is_accepted()
    {
        var resolver = new FakeHostResolver().Map("hooks.example", "93.184.216.34", "2606:2800:220:1::1");

        Uri accepted = await Policy(resolver: resolver).ValidateAsync("https://hooks.example/rgpt?token=abc", CancellationToken.None);

        Assert.Equal("hooks.example", accepted.Host);
        Assert.Equal(1, resolver.Lookups);
    }

    [Fact]
    public async Task Address_inside_an_allow_listed_network_is_accepted_and_one_outside_is_not()
    {
        var resolver = new FakeHostResolver().Map("build.internal", "10.1.7.9");
        CallbackUrlPolicy policy = Policy(resolver: resolver, allowed: ["10.1.0.0/16", "fd12:3456::/32"]);

        await policy.ValidateAsync("https://10.1.2.3/hook", CancellationToken.None);
        await policy.ValidateAsync("https://[::ffff:10.1.2.3]/hook", CancellationToken.None);
        await policy.ValidateAsync("https://build.internal/hook", CancellationToken.None);
        await policy.ValidateAsync("https://[fd12:3456::9]/hook", CancellationToken.None);
        await Assert.ThrowsAsync<CallbackUrlRejectedException>(() => policy.ValidateAsync("https://10.2.0.1/hook", CancellationToken.None));
    }

    [Fact]
    public async Task Metadata_address_is_refused_even_inside_an_allow_listed_network()
    {
        CallbackUrlPolicy policy = Policy(allowed: ["169.254.0.0/16"]);

        await policy.ValidateAsync("https://169.254.10.20/hook", CancellationToken.None);
        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => policy.ValidateAsync("https://169.254.169.254/latest", CancellationToken.None));

        Assert.EndsWith("a cloud metadata address", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_url_is_refused_when_notifications_are_not_configured()
    {
        var resolver = new FakeHostResolver().Map("hooks.example", "93.184.216.34");

        CallbackUrlRejectedException refused = await Assert.ThrowsAsync<CallbackUrlRejectedException>(
            () => Policy(resolver: resolver, secret: null).ValidateAsync("https://hooks.example/x", CancellationToken.None));

        Assert.Contains("notifications are not configured", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0, resolver.Lookups);
    }

    [Fact]
    public void Refusal_is_an_argument_exception_so_the_http_layer_answers_400() =>
        Assert.IsAssignableFrom<ArgumentException>(new CallbackUrlRejectedException("it must use https"));

    [Fact]
    public async Task Send_time_check_keeps_only_the_allowed_addresses()
    {
        var resolver = new FakeHostResolver().Map("hooks.example", "10.0.0.7", "93.184.216.34", "169.254.169.254");

        IReadOnlyList<IPAddress> allowed = await Policy(resolver: resolver).AllowedAddressesAsync("hooks.example", plainHttp: false, CancellationToken.None);

        Assert.Equal([IPAddress.Parse("93.184.216.34")], allowed);
    }

    [Fact]
    public async Task Send_time_check_refuses_a_host_now_resolving_only_to_private_addresses()
    {
        var resolver = new FakeHostResolver().Map("hooks.example", "10.0.0.7", "fd00::7");

        CallbackAddressRefusedException refused = await Assert.ThrowsAsync<CallbackAddressRefusedException>(
            () => Policy(resolver: resolver).AllowedAddressesAsync("hooks.example", plainHttp: false, CancellationToken.None));

        Assert.Contains("10.0.0.7, a private address", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.184.216.34", null)]
    [InlineData("8.8.8.8", null)]
    [InlineData("2606:4700::1111", null)]
    [InlineData("172.15.255.255", null)]
    [InlineData("172.32.0.1", null)]
    [InlineData("100.63.255.255", null)]
    [InlineData("100.128.0.1", null)]
    [InlineData("172.31.255.255", "a private address")]
    [InlineData("::ffff:192.168.1.1", "a private address")]
    [InlineData("fe80::1%2", "a link-local address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("::10.0.0.1", "a deprecated IPv4-compatible address")]
    public void Single_address_check_names_the_range(string address, string? reason) =>
        Assert.Equal(reason, Policy().RefusalFor(IPAddress.Parse(address)));

    [Fact]
    public void Notification_options_name_each_problem()
    {
        var options = new NotificationOptions { SigningSecret = "short", MaxAttempts = 0, RequestTimeout = TimeSpan.Zero };
        options.AllowedNetworks.Add("10.1.2.0/16");
        options.AllowedNetworks.Add("banana");
        options.AllowedNetworks.Add("192.168.4.0/24");

        IReadOnlyList<string> problems = options.Validate();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("SigningSecret", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"10.1.2.0/16\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"banana\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("RequestTimeout", StringComparison.Ordinal));
        Assert.Empty(new NotificationOptions().Validate());
    }

    internal static CallbackUrlPolicy Policy(
        bool development = false, FakeHostResolver? resolver = null, string[]? allowed = null, string? secret = Secret)
    {
        var options = new NotificationOptions { SigningSecret = secret, AllowLoopbackHttp = development };
        options.AllowedNetworks.AddRange(allowed ?? []);
        resolver ??= new FakeHostResolver().Map("hooks.example", "93.184.216.34").Map("localhost", "127.0.0.1", "::1");
        return new CallbackUrlPolicy(Options.Create(options), resolver);
    }
}
