using System.Runtime.CompilerServices;
using RulesEngine.Core.Expressions.CSharp;

namespace RulesEngine.Core.Tests.Expressions.CSharp;

public sealed class ScriptUnloadTests
{
    [Fact]
    public void Dispose_UnloadsTheLoadContext()
    {
        var sut = new CSharpScriptCompiler();

        var reference = CompileRunAndDispose(sut, "21 * 2");

        WaitForCollection(reference).ShouldBeTrue("the collectible context was not unloaded");
    }

    [Fact]
    public void Retire_WhenNotCached_Unloads()
    {
        var sut = new CSharpScriptCompiler(new CSharpScriptOptions { CacheCapacity = 0 });

        var reference = CompileRunAndRetire(sut, "1");

        WaitForCollection(reference).ShouldBeTrue();
    }

    [Fact]
    public void Retire_WhenCached_KeepsItForReuse()
    {
        var sut = new CSharpScriptCompiler();
        var compiled = sut.CompileOk(Scripts.Request("2"));

        compiled.Retire();

        compiled.IsUnloadRequested.ShouldBeFalse();
        sut.Compile(Scripts.Request("2")).ShouldBeSameAs(compiled);
    }

    [Fact]
    public void Cache_EvictsLeastRecentlyUsed_AndEvictedContextsAreCollected()
    {
        var sut = new CSharpScriptCompiler(new CSharpScriptOptions { CacheCapacity = 2 });
        var references = new List<WeakReference>();
        for (var i = 0; i < 6; i++)
        {
            references.Add(CompileAndRetire(sut, $"{i} + 1"));
        }

        sut.CachedCount.ShouldBe(2);
        // Each evicted context unloads on its own GC cycle: wait for every one, not just the first.
        references.Take(4).ShouldAllBe(r => WaitForCollection(r));
        references.Skip(4).ShouldAllBe(r => r.IsAlive);
    }

    [Fact]
    public void Delegate_HeldAfterDispose_KeepsWorkingUntilDropped()
    {
        var sut = new CSharpScriptCompiler();
        var compiled = sut.CompileOk(Scripts.Request("\"still here\""));
        var script = compiled.Get("a1", "value")!;

        compiled.Dispose();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        script.Evaluate(new TestScriptContext(), Scripts.Budget).ShouldBe("still here");
        sut.Compile(Scripts.Request("\"still here\"")).ShouldNotBeSameAs(compiled);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileRunAndDispose(CSharpScriptCompiler sut, string code)
    {
        var compiled = sut.CompileOk(Scripts.Request(code));
        compiled.Get("a1", "value")!.Evaluate(new TestScriptContext(), Scripts.Budget);
        compiled.Dispose();
        return compiled.LoadContextReference;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileRunAndRetire(CSharpScriptCompiler sut, string code)
    {
        var compiled = sut.CompileOk(Scripts.Request(code));
        compiled.Get("a1", "value")!.Evaluate(new TestScriptContext(), Scripts.Budget);
        compiled.Retire();
        return compiled.LoadContextReference;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileAndRetire(CSharpScriptCompiler sut, string code)
    {
        var compiled = sut.CompileOk(Scripts.Request(code));
        compiled.Get("a1", "value")!.Evaluate(new TestScriptContext(), Scripts.Budget);
        compiled.Retire();
        return compiled.LoadContextReference;
    }

    private static bool WaitForCollection(WeakReference reference)
    {
        for (var i = 0; i < 20 && reference.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return !reference.IsAlive;
    }
}
