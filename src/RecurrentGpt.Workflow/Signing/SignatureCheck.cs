namespace RecurrentGpt.Workflow.Signing;

public enum SignatureCheck
{
    Valid,

    /// <summary>The timestamp or signature header is absent.</summary>
    Missing,

    /// <summary>A header is present but not in the expected form.</summary>
    Malformed,

    /// <summary>The timestamp lies outside the accepted window (replay protection).</summary>
    OutsideWindow,

    /// <summary>The signature does not match the body and timestamp.</summary>
    Mismatch,
}
