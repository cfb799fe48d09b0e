using BenchmarkDotNet.Running;

namespace PeerRooms.Benchmarks;

/// <summary>Entry point. A named class: top-level statements would clash with PeerRooms.Server's public Program.</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
