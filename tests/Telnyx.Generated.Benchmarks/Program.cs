// Full run:  dotnet run -c Release --project tests/Telnyx.Generated.Benchmarks
// Quick run: dotnet run -c Release --project tests/Telnyx.Generated.Benchmarks -- --quick
return Telnyx.Generated.Benchmarks.BenchmarkSuite.Run(args).ExitCode;
