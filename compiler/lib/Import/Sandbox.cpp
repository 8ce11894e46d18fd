//===- Sandbox.cpp - Probe an untrusted HDF5 file in a child process ------===//

#include "Sandbox.h"

#if defined(__unix__) || defined(__APPLE__)
#include <cerrno>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#define SNNC_HAVE_FORK 1
#endif

using namespace snnc::nir;

/// A read that takes longer than this is treated as a hang on a corrupt file.
static constexpr unsigned kProbeSeconds = 30;

ProbeResult snnc::nir::probeInChild(llvm::function_ref<void()> work) {
#ifdef SNNC_HAVE_FORK
  pid_t pid = fork();
  if (pid < 0)
    return ProbeResult::Unavailable;
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
      return ProbeResult::Unavailable;
  return WIFSIGNALED(status) ? ProbeResult::Crashed : ProbeResult::Finished;
#else
  (void)work;
  return ProbeResult::Unavailable;
#endif
}
