using System.Reflection;
using Scriban;
using Scriban.Runtime;

namespace Multistage.Cli.Rendering;

/// <summary>Renders the Scriban templates embedded under CourseFiles/ with a model object whose
/// properties reach the template in snake_case (Scriban's default naming).</summary>
public static class CourseFileRenderer
{
    public static string Render(string templateName, object model)
    {
        var source = ReadEmbedded(templateName);
        var template = Template.Parse(source, templateName);
        if (template.HasErrors)
        {
            throw new InvalidOperationException(
                $"The embedded template {templateName} does not parse: {string.Join("; ", template.Messages)}");
        }

        var globals = new ScriptObject();
        globals.Import(model);
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default };
        context.PushGlobal(globals);
        var text = template.Render(context).Replace("\r\n", "\n");
        // Generated files end with exactly one newline, whatever the template's last line did.
        return text.TrimEnd('\n') + "\n";
    }

    private static string ReadEmbedded(string templateName)
    {
        var resource = $"CourseFiles/{templateName}.scriban";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The tool was built without its resource {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
