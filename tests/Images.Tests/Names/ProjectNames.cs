namespace Images.Tests.Names;

/// <summary>A project name given to `dotnet new -n`, and the character class it stands for.</summary>
/// <param name="Label">Short and stable: the theory argument and the generated folder's name.</param>
public sealed record ProjectName(string Label, string Value, string Why);

/// <summary>
/// Names a user may type, one or two per character class that breaks generated code, Dockerfiles or
/// YAML if a template pastes it unescaped. Every template must turn each into a project that builds.
/// </summary>
public static class ProjectNames
{
    public static IReadOnlyList<ProjectName> All { get; } =
    [
        new("space", "my app", "a space splits a Dockerfile COPY line and a shell word"),
        new("double-quote", "my \"app\"", "ends a string literal in Go, Python, C#, Rust, JSON"),
        new("single-quote", "it's", "ends a JavaScript or Python single-quoted literal"),
        new("backslash", "back\\slash", "starts an escape in every string literal and MSBuild path"),
        new("shell-specials", "$HOME-${PATH}-$(id)-`id`", "expanded by shells and by Dockerfile instructions"),
        new("dockerfile-yaml-specials", "a#b: c*d?e[f]{g}&h|i;j<k>l!m%n@o^p~q,r=s", "comments, globs, YAML flow and anchors, shell operators"),
        new("yaml-leading-dash", "- yes: no", "a YAML list item and key, and a boolean"),
        new("tab-and-newline", "tab\there\nnew line", "control characters in a literal"),
        new("latin-accents", "Café Müller", "non-ASCII letters with an ASCII rest"),
        new("no-ascii", "中文", "nothing usable in an image or package name"),
        new("emoji", "rocket🚀", "outside the Basic Multilingual Plane"),
        new("punctuation-only", "---", "nothing left after dropping punctuation"),
        new("dots-only", "...", "nothing left in a namespace or file name"),
        new("turkish-i", "İstanbul ILIK", "lower-cased differently under tr-TR"),
        new("upper-dots-dashes", "My.Cool-App", "the snapshot's name: upper case, dots and dashes"),
        new("leading-digit", "1st-app", "not an identifier, nor a Cargo package name"),
        new("digits-only", "2024", "a number in YAML"),
        new("go-keywords", "func", "a Go keyword"),
        new("python-keywords", "None", "a Python keyword"),
        new("javascript-keywords", "function", "a JavaScript keyword"),
        new("rust-keywords", "fn", "a Rust keyword"),
        new("rust-self", "Self", "a Rust keyword that cannot be a raw identifier"),
        new("csharp-keywords", "namespace", "a C# keyword"),
        new("csharp-contextual-keywords", "global.var.async", "C# contextual keywords in namespace segments"),
        new("keywords-everywhere", "class", "a keyword in Python, JavaScript and C#"),
        new("own-identifiers-dotnet", "HealthCheck", "a class name in the .NET app's own code"),
        new("own-identifiers-dotnet-framework", "Console", "a framework type the .NET app uses"),
        new("own-identifiers-go", "main", "Go's package main and the Go app's identifiers"),
        new("own-identifiers-node", "express", "the Node app's dependency"),
        new("own-identifiers-python", "flask", "the Python app's dependency, and its module names"),
        new("own-identifiers-python-settings", "settings", "a module of the Python app"),
        new("own-identifiers-rust", "std", "Rust's standard library crate"),
        new("own-identifiers-rust-server", "server", "the Rust binary's name"),
        new("very-long", string.Concat(Enumerable.Repeat("Very-Long-Name-", 20)), "300 characters: past Docker's and DNS's limits"),
    ];

    public static ProjectName Find(string label) =>
        All.FirstOrDefault(name => name.Label == label) ?? throw new InvalidOperationException($"No project name labelled '{label}'.");
}
