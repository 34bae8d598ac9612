using System.Reflection;
using Spectre.Console.Cli;

namespace Multistage.Cli;

/// <summary>
/// The smallest container Spectre needs to build commands with collaborators: an instance or a factory per
/// type, and registered classes built through their widest public constructor whose parameters all resolve.
/// Spectre registers the commands, their settings and the console; <see cref="CommandServices"/> the rest.
/// </summary>
public sealed class ServiceRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, Func<ITypeResolver, object>> _factories = [];

    public void Register(Type service, Type implementation) => _factories[service] = resolver => Construct(implementation, resolver);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = _ => implementation;

    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        _factories[service] = _ => lazy.Value;
    }

    public ITypeResolver Build() => new Resolver(new Dictionary<Type, Func<ITypeResolver, object>>(_factories));

    private static object Construct(Type implementation, ITypeResolver resolver)
    {
        foreach (var constructor in implementation.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length))
        {
            var parameters = constructor.GetParameters();
            var values = parameters.Select(p => resolver.Resolve(p.ParameterType) ?? (p.HasDefaultValue ? p.DefaultValue : null)).ToArray();
            if (values.Zip(parameters).All(v => v.First is not null || v.Second.HasDefaultValue))
            {
                return constructor.Invoke(values);
            }
        }

        throw new InvalidOperationException(
            $"{implementation.Name} cannot be built: no public constructor whose parameters are all registered (see CommandServices).");
    }

    private sealed class Resolver(Dictionary<Type, Func<ITypeResolver, object>> factories) : ITypeResolver
    {
        public object? Resolve(Type? type)
        {
            if (type is null)
            {
                return null;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                // Spectre asks for every help provider and interceptor: one per type here, or none.
                var element = type.GenericTypeArguments[0];
                var all = Array.CreateInstance(element, factories.ContainsKey(element) ? 1 : 0);
                if (all.Length == 1)
                {
                    all.SetValue(factories[element](this), 0);
                }

                return all;
            }

            // Null for what is not registered: Spectre then falls back to a parameterless constructor.
            return factories.TryGetValue(type, out var factory) ? factory(this) : null;
        }
    }
}
