using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Descriptors;

/// <summary>
/// The activity types the engine knows. Resolves the type names found in workflow JSON, including older spellings
/// (assembly-qualified CLR names, Elsa 2 names) so that exports from other Elsa versions still load.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly ConcurrentDictionary<string, ActivityDescriptor> _byType = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ActivityDescriptor> _byShortName = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<ActivityDescriptor> Descriptors =>
        _byType.Values.Distinct().OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal).ToList();

    public ActivityRegistry Register<TActivity>()
        where TActivity : Activity => Register(typeof(TActivity));

    public ActivityRegistry Register(Type activityType)
    {
        var descriptor = Describe(activityType);
        _byType[descriptor.TypeName] = descriptor;
        foreach (var alias in descriptor.Aliases)
        {
            _byType[alias] = descriptor;
        }

        _byShortName.TryAdd(ShortName(descriptor.TypeName), descriptor);
        _byShortName.TryAdd(activityType.Name, descriptor);
        return this;
    }

    /// <summary>Registers every concrete activity class of an assembly that carries <see cref="ActivityAttribute"/>.</summary>
    public ActivityRegistry RegisterAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (!type.IsAbstract && typeof(Activity).IsAssignableFrom(type) && type.GetCustomAttribute<ActivityAttribute>() is not null)
            {
                Register(type);
            }
        }

        return this;
    }

    /// <summary>Finds the descriptor of a type name; tolerates stale assembly-qualified and namespaced names.</summary>
    public ActivityDescriptor? Find(string typeName)
    {
        if (_byType.TryGetValue(typeName, out var d))
        {
            return d;
        }

        var normalized = Normalize(typeName);
        if (normalized != typeName && _byType.TryGetValue(normalized, out d))
        {
            return d;
        }

        // "Elsa.Workflows.Activities.WriteLine" or "Elsa.Activities.Console.WriteLine" → WriteLine.
        return _byShortName.TryGetValue(ShortName(normalized), out d) && normalized.Contains('.', StringComparison.Ordinal) ? d : null;
    }

    /// <summary>Strips an assembly qualification and generic arity: "A.B.C, Asm, Version=…" → "A.B.C".</summary>
    public static string Normalize(string typeName)
    {
        var t = typeName.Trim();
        var comma = t.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            t = t[..comma].Trim();
        }

        var tick = t.IndexOf('`', StringComparison.Ordinal);
        return tick > 0 ? t[..tick] : t;
    }

    private static string ShortName(string typeName)
    {
        var dot = typeName.LastIndexOf('.');
        return dot >= 0 ? typeName[(dot + 1)..] : typeName;
    }

    public static ActivityDescriptor Describe(Type type)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.FullName} has no [Activity] attribute", nameof(type));

        var inputs = new List<InputDescriptor>();
        var outputs = new List<OutputDescriptor>();
        var order = 0;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var pt = property.PropertyType;
            if (pt.IsGenericType && pt.GetGenericTypeDefinition() == typeof(Input<>))
            {
                var valueType = pt.GetGenericArguments()[0];
                var meta = property.GetCustomAttribute<InputAttribute>() ?? new InputAttribute();
                inputs.Add(new InputDescriptor
                {
                    Name = CamelCase(property.Name),
                    DisplayName = meta.DisplayName ?? Humanize(property.Name),
                    TypeName = TypeNames.NameOf(valueType),
                    Description = meta.Description,
                    UiHint = meta.UiHint ?? DefaultUiHint(valueType, meta),
                    Options = meta.Options.Length > 0 ? meta.Options : valueType.IsEnum ? Enum.GetNames(valueType) : [],
                    DefaultValue = meta.DefaultValue,
                    IsSecret = meta.IsSecret,
                    Required = meta.Required,
                    Order = meta.Order != 0 ? meta.Order : order,
                    DefaultSyntax = meta.DefaultSyntax,
                    EvaluateBeforeExecute = meta.EvaluateBeforeExecute,
                    ValueType = valueType,
                    Property = property,
                });
                order++;
            }
            else if (pt.IsGenericType && pt.GetGenericTypeDefinition() == typeof(Output<>))
            {
                var valueType = pt.GetGenericArguments()[0];
                var meta = property.GetCustomAttribute<OutputAttribute>() ?? new OutputAttribute();
                outputs.Add(new OutputDescriptor
                {
                    Name = CamelCase(property.Name),
                    DisplayName = meta.DisplayName ?? Humanize(property.Name),
                    TypeName = TypeNames.NameOf(valueType),
                    Description = meta.Description,
                    ValueType = valueType,
                    Property = property,
                });
            }
        }

        return new ActivityDescriptor
        {
            TypeName = attribute.TypeName,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? Humanize(type.Name),
            Description = attribute.Description,
            Kind = attribute.Kind,
            Inputs = inputs.OrderBy(i => i.Order).ToList(),
            Outputs = outputs,
            Outcomes = attribute.Outcomes,
            DynamicOutcomesInput = attribute.DynamicOutcomesInput,
            HasSideEffects = attribute.HasSideEffects,
            Instant = attribute.Instant,
            Ports = type.GetCustomAttributes<PortAttribute>().Select(p => p.Name).ToList(),
            Aliases = attribute.Aliases,
            ClrType = type,
        };
    }

    private static string DefaultUiHint(Type valueType, InputAttribute meta)
    {
        if (meta.Options.Length > 0 || valueType.IsEnum)
        {
            return UiHints.Dropdown;
        }

        var t = Nullable.GetUnderlyingType(valueType) ?? valueType;
        if (t == typeof(bool))
        {
            return UiHints.Checkbox;
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal))
        {
            return UiHints.Number;
        }

        if (t == typeof(TimeSpan))
        {
            return UiHints.TimeSpan;
        }

        if (t == typeof(string))
        {
            return UiHints.SingleLine;
        }

        if (t.IsArray || (t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)))
        {
            return UiHints.List;
        }

        return UiHints.Json;
    }

    internal static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];

    private static string Humanize(string name)
    {
        var chars = new List<char>(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                chars.Add(' ');
            }

            chars.Add(i == 0 ? name[i] : char.ToLowerInvariant(name[i]));
        }

        return new string([.. chars]);
    }
}
