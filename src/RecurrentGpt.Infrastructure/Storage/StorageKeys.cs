using System.Globalization;
using RecurrentGpt.Core.Story;

namespace RecurrentGpt.Infrastructure.Storage;

/// <summary>Blob names and row keys. Numbers are six digits so names sort in story order; ids are checked before use.</summary>
public static class StorageKeys
{
    /// <summary>The largest paragraph index or step number a six-digit name holds.</summary>
    public const int MaxNumber = 999_999;

    public const string StateRow = "state";

    public static string ParagraphBlob(string storyId, int index) =>
        $"{StoryId.Require(storyId)}/paragraphs/{Number(index, nameof(index))}.md";

    public static string OpeningBlob(string storyId) => $"{StoryId.Require(storyId)}/steps/opening.json";

    public static string StepBlob(string storyId, int step) =>
        $"{StoryId.Require(storyId)}/steps/{Number(step, nameof(step))}.json";

    /// <summary>The folder of a story's blobs of one kind (<c>paragraphs</c>, <c>steps</c>), for listing them.</summary>
    public static string BlobFolder(string storyId, string kind) => $"{StoryId.Require(storyId)}/{kind}/";

    /// <summary>The six-digit number a paragraph or step blob's name ends in (before its extension); null for any other name.</summary>
    public static int? NumberOfBlob(string blobName)
    {
        string file = blobName[(blobName.LastIndexOf('/') + 1)..];
        int dot = file.IndexOf('.', StringComparison.Ordinal);
        return dot == 6 && int.TryParse(file.AsSpan(0, 6), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : null;
    }

    public static string SnapshotRow(int step) => "snapshot-" + Number(step, nameof(step));

    public static string ParagraphRow(int index) => "paragraph-" + Number(index, nameof(index));

    public static string ChoiceRow(int step) => "choice-" + Number(step, nameof(step));

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
