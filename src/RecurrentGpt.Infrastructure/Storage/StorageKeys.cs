using System.Globalization;
using RecurrentGpt.Core.Lines;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Blob names and row keys. Numbers are six digits so names sort in story order; ids are checked before use.</summary>
public static class StorageKeys
{
    /// <summary>The largest paragraph index or step number a six-digit name holds.</summary>
    public const int MaxNumber = 999_999;

    public const string StateRow = "state";

    public static string ParagraphBlob(string storyId, int index) => ParagraphBlob(LineRef.Root(storyId), index);

    /// <summary>Branch 0 keeps the names stories had before they could branch, so every story written then reads as it was.</summary>
    public static string ParagraphBlob(LineRef line, int index) => $"{LineFolder(line)}paragraphs/{Number(index, nameof(index))}.md";

    public static string OpeningBlob(string storyId) => $"{StoryId.Require(storyId)}/steps/opening.json";

    public static string StepBlob(string storyId, int step) => StepBlob(LineRef.Root(storyId), step);

    public static string StepBlob(LineRef line, int step) => $"{LineFolder(line)}steps/{Number(step, nameof(step))}.json";

    /// <summary>The folder of a story's blobs of one kind (<c>paragraphs</c>, <c>steps</c>), for listing them.</summary>
    public static string BlobFolder(string storyId, string kind) => BlobFolder(LineRef.Root(storyId), kind);

    public static string BlobFolder(LineRef line, string kind) => $"{LineFolder(line)}{kind}/";

    /// <summary><c>{storyId}/</c> for branch 0, <c>{storyId}/b{branch:D6}/</c> for another branch.</summary>
    public static string LineFolder(LineRef line) =>
        line.Branch == 0 ? $"{StoryId.Require(line.StoryId)}/" : $"{StoryId.Require(line.StoryId)}/b{BranchNumber(line.Branch)}/";

    /// <summary>The prefix of a line's rows in its story's partition: none for branch 0, <c>b{branch:D6}-</c> otherwise.</summary>
    public static string LineRowPrefix(LineRef line) => line.Branch == 0 ? string.Empty : $"b{BranchNumber(line.Branch)}-";

    /// <summary>Row <c>branch-{branch:D6}</c>: the state a story had on a line when it left it, for listing and restoring.</summary>
    public static string BranchRow(int branch) => "branch-" + BranchNumber(branch);

    /// <summary>The six-digit number a paragraph or step blob's name ends in (before its extension); null for any other name.</summary>
    public static int? NumberOfBlob(string blobName)
    {
        string file = blobName[(blobName.LastIndexOf('/') + 1)..];
        int dot = file.IndexOf('.', StringComparison.Ordinal);
        return dot == 6 && int.TryParse(file.AsSpan(0, 6), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : null;
    }

    public static string SnapshotRow(int step) => "snapshot-" + Number(step, nameof(step));

    public static string SnapshotRow(LineRef line, int step) => LineRowPrefix(line) + SnapshotRow(step);

    public static string ParagraphRow(int index) => "paragraph-" + Number(index, nameof(index));

    public static string ParagraphRow(LineRef line, int index) => LineRowPrefix(line) + ParagraphRow(index);

    public static string ChoiceRow(int step) => "choice-" + Number(step, nameof(step));

    public static string ChoiceRow(LineRef line, int step) => LineRowPrefix(line) + ChoiceRow(step);

    /// <summary>The six-digit form of a branch number (MaxBranch is the six-digit limit, so Number's range is the branch range).</summary>
    private static string BranchNumber(int branch) => Number(branch, nameof(branch));

    /// <summary>The six-digit form of a paragraph index or step number.</summary>
    public static string Number(int value, string parameterName)
    {
        if (value is < 0 or > MaxNumber)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"must be from 0 to {MaxNumber} to fit a six-digit name");
        }

        return value.ToString("D6", CultureInfo.InvariantCulture);
    }
}
