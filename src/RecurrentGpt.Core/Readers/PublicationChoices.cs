namespace RecurrentGpt.Core.Readers;

/// <summary>What a publication's readers may choose next: one of the three plans, their own words, or either.</summary>
public enum PublicationChoices
{
    Plans,
    Free,
    Both,
}
