// bench_context.hpp — the build facts every gillab micro benchmark records
// in its JSON context, so a result can be traced to the code and flags.
#pragma once

#include <gillab/build_info.hpp>

#include <benchmark/benchmark.h>

namespace gillab::bench {

inline void add_build_context() {
  benchmark::AddCustomContext("gillab_version", build_info::version);
  benchmark::AddCustomContext("gillab_commit", build_info::commit);
  benchmark::AddCustomContext("compiler", build_info::compiler);
  benchmark::AddCustomContext("cxx_flags", build_info::flags);
  benchmark::AddCustomContext("build_type", build_info::build_type);
}

/// The end of every micro benchmark's main(): parse the flags, run, exit 1
/// on a flag Google Benchmark does not know.
inline int run_benchmarks(int& argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace gillab::bench
