//===- InputFile.cpp - Checking a file before reading it -----------------===//

#include "snnc/Support/InputFile.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace snnc {

std::string checkInputFile(const std::string &path, uint64_t maxBytes) {
  if (path == "-")
    return "";
  if (path.empty())
    return "an empty path names no file";
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    return "cannot read '" + path + "': " + std::strerror(errno);
  if (S_ISDIR(st.st_mode))
    return "cannot read '" + path + "': it is a directory";
  if (!S_ISREG(st.st_mode))
    return "cannot read '" + path +
           "': it is not a regular file (a device, FIFO or socket has no "
           "end a reader can rely on)";
  if (static_cast<uint64_t>(st.st_size) > maxBytes)
    return "cannot read '" + path + "': it holds " +
           std::to_string(st.st_size) + " bytes, more than the " +
           std::to_string(maxBytes) + " a file may hold";
  return "";
}

} // namespace snnc
