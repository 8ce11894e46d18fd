//===- Sandbox.cpp - Probe an untrusted HDF5 file in a child process ------===//

#include "Sandbox.h"

#if defined(__unix__) || defined(__APPLE__)
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#define SNNC_HAVE_FORK 1
#endif

using namespace snnc::nir;

ProbeOutcome snnc::nir::probeInChild(llvm::function_ref<void()> work) {
#ifdef SNNC_HAVE_FORK
  pid_t pid = fork();
  if (pid < 0)
    return {ProbeResult::Unavailable};
  if (pid == 0) {
    // The child's diagnostics duplicate the parent's: discard them.
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) {
      dup2(devnull, STDOUT_FILENO);
      dup2(devnull, STDERR_FILENO);
    }
    struct rlimit cpu;
    cpu.rlim_cur = kProbeCpuSeconds;
    cpu.rlim_max = kProbeCpuSeconds + 1;
    setrlimit(RLIMIT_CPU, &cpu);
    alarm(kProbeWallSeconds);
    work();
    _exit(0);
  }
  int status = 0;
  struct rusage usage {};
  while (wait4(pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      return {ProbeResult::Unavailable};
  if (!WIFSIGNALED(status))
    return {ProbeResult::Finished};
  // The CPU limit (SIGXCPU, then SIGKILL at the hard limit) ends a child
  // that spins, the alarm one that blocks; neither signal comes otherwise.
  int signal = WTERMSIG(status);
  if (signal == SIGXCPU || signal == SIGALRM ||
      (signal == SIGKILL &&
       usage.ru_utime.tv_sec + usage.ru_stime.tv_sec >= kProbeCpuSeconds))
    return {ProbeResult::TimedOut};
  return {ProbeResult::Crashed, signal};
#else
  (void)work;
  return {ProbeResult::Unavailable};
#endif
}
