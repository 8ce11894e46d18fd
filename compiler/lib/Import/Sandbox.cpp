//===- Sandbox.cpp - Probe an untrusted HDF5 file in a child process ------===//

#include "Sandbox.h"

#if defined(__unix__) || defined(__APPLE__)
#include <cerrno>
#include <csignal>
#include <fcntl.h>
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
    alarm(kProbeSeconds);
    work();
    _exit(0);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return {ProbeResult::Unavailable};
  if (!WIFSIGNALED(status))
    return {ProbeResult::Finished};
  // The alarm ends a child that reads for too long, and is the only
  // SIGALRM it gets.
  if (WTERMSIG(status) == SIGALRM)
    return {ProbeResult::TimedOut};
  return {ProbeResult::Crashed, WTERMSIG(status)};
#else
  (void)work;
  return {ProbeResult::Unavailable};
#endif
}
