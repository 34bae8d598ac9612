namespace Multistage.Core.Dockerize;

/// <summary>
/// Recognises one language's projects and reads the item template's options from the project's own
/// files. One small class per language, found by <see cref="ProjectDetectors"/>; its
/// <see cref="Language"/> is the name of the template folder whose item template it fills.
/// </summary>
public interface IProjectDetector
{
    string Language { get; }

    /// <summary>The files that mark such a project, for the message when a folder holds none.</summary>
    string LooksFor { get; }

    /// <summary>Null when the folder holds no project of this language; never throws for an odd project.</summary>
    ProjectDetection? Detect(ProjectFolder folder);

    /// <summary>Problems with the values init will pass (detected, then overridden by the command line),
    /// each naming the fix: a --set file that does not exist, for example. None by default.</summary>
    IReadOnlyList<string> CheckChosen(ProjectFolder folder, IReadOnlyDictionary<string, string> chosen, IReadOnlySet<string> given) => [];
}
