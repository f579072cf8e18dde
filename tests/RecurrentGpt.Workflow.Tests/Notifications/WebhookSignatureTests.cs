using System.Text;
using RecurrentGpt.Workflow.Signing;

namespace RecurrentGpt.Workflow.Tests.Notifications;

public class WebhookSignatureTests
{
    private const string Secret = "a-signing-secret-for-tests";
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"storyId":"abc","kind":"step-committed","step":3}""");

    [Fact]
    public void Signed_body_verifies_with_the_same_secret()
    {
        string timestamp = WebhookSignature.Timestamp(Now);
        string signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Secret, timestamp, signature, Body, Now.AddSeconds(30)));
    }

    [Fact]
    public void Tampered_body_is_a_mismatch()
    {
        string signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        byte[] tampered = Encoding.UTF8.GetBytes("""{"storyId":"abc","kind":"step-committed","step":4}""");

        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(Secret, WebhookSignature.Timestamp(Now), signature, tampered, Now));
    }

    [Fact]
    public void Signature_made_with_another_secret_is_a_mismatch()
    {
        string signature = WebhookSignature.Sign("another-secret-entirely", Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(Secret, WebhookSignature.Timestamp(Now), signature, Body, Now));
    }

    [Fact]
    public void Timestamp_changed_after_signing_is_a_mismatch()
    {
        string signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(Secret, WebhookSignature.Timestamp(Now.AddSeconds(1)), signature, Body, Now));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void Timestamp_six_minutes_away_from_now_is_outside_the_window(int minutes)
    {
        DateTimeOffset signedAt = Now.AddMinutes(minutes);
        string signature = WebhookSignature.Sign(Secret, signedAt.ToUnixTimeSeconds(), Body);

        Assert.Equal(SignatureCheck.OutsideWindow, WebhookSignature.Verify(Secret, WebhookSignature.Timestamp(signedAt), signature, Body, Now));
    }

    [Theory]
    [InlineData(null, "sha256=00")]
    [InlineData("", "sha256=00")]
    [InlineData("1741944413", null)]
    [InlineData("1741944413", "  ")]
    public void Absent_timestamp_or_signature_is_missing(string? timestamp, string? signature) =>
        Assert.Equal(SignatureCheck.Missing, WebhookSignature.Verify(Secret, timestamp, signature, Body, Now));

    [Theory]
    [InlineData("yesterday", true)]
    [InlineData("-1741944413", true)]
    [InlineData("1741944413", false)]
    public void Garbled_timestamp_or_signature_is_malformed(string timestamp, bool validSignature)
    {
        string good = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        string[] signatures = validSignature
            ? [good]
            : ["md5=" + good[7..], good[..^2], "sha256=" + new string('z', 64), good[7..]];

        foreach (string signature in signatures)
        {
            Assert.Equal(SignatureCheck.Malformed, WebhookSignature.Verify(Secret, timestamp, signature, Body, Now));
        }
    }
}
