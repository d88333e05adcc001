using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Patchwork.Storage.Tests.Contract;

/// <summary>
/// Says that a contract test class needs a store server, and which class knows whether one is reachable. When
/// it is not, every contract test of the class is reported as skipped with the reason, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresStoreServerAttribute<TServer> : Attribute where TServer : IStoreServer;

/// <summary>A store server a test class needs: null when reachable, otherwise why not.</summary>
public interface IStoreServer
{
    static abstract string? UnavailableReason { get; }
}

/// <summary>A contract test: a fact, skipped with a reason when the class's store server is unreachable.</summary>
[XunitTestCaseDiscoverer("Patchwork.Storage.Tests.Contract.ContractFactDiscoverer", "Patchwork.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>A contract theory, skipped with a reason when the class's store server is unreachable.</summary>
[XunitTestCaseDiscoverer("Patchwork.Storage.Tests.Contract.ContractTheoryDiscoverer", "Patchwork.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractTheoryAttribute : TheoryAttribute;

public sealed class ContractFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        StoreServer.UnavailableReason(testMethod) is { } reason
            ? [new UnavailableStoreTestCase(sink, discoveryOptions, testMethod, reason)]
            : new FactDiscoverer(sink).Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class ContractTheoryDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        StoreServer.UnavailableReason(testMethod) is { } reason
            ? [new UnavailableStoreTestCase(sink, discoveryOptions, testMethod, reason)]
            : new TheoryDiscoverer(sink).Discover(discoveryOptions, testMethod, factAttribute);
}

internal static class StoreServer
{
    /// <summary>Why the test class's store server cannot be used, or null when it can (or the class needs none).</summary>
    public static string? UnavailableReason(ITestMethod testMethod)
    {
        var requirement = testMethod.TestClass.Class.ToRuntimeType().GetCustomAttributes()
            .FirstOrDefault(a => a.GetType().IsGenericType && a.GetType().GetGenericTypeDefinition() == typeof(RequiresStoreServerAttribute<>));
        if (requirement is null)
        {
            return null;
        }
        var server = requirement.GetType().GetGenericArguments()[0];
        return (string?)server.GetProperty(nameof(IStoreServer.UnavailableReason), BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
    }
}

/// <summary>A contract test (or a whole theory) reported as skipped because its store server is unreachable.</summary>
public sealed class UnavailableStoreTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("For deserialisation only.")]
    public UnavailableStoreTestCase()
    {
    }

    public UnavailableStoreTestCase(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason)
        : base(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod)
    {
        _reason = reason;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("Reason");
        base.Deserialize(data);
    }
}
