//===- OutputFile.cpp - Writing an output without destroying data --------===//

#include "snnc/Support/OutputFile.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace snnc {
namespace {

std::string quoted(const std::string &path) { return "'" + path + "'"; }

std::string osReason(int err) { return std::strerror(err); }

std::string parentOf(const std::string &path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos)
    return ".";
  if (slash == 0)
    return "/";
  return path.substr(0, slash);
}

std::string baseOf(const std::string &path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool sameFile(const struct stat &a, const struct stat &b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/// The canonical path of an existing file or directory, or "".
std::string canonical(const std::string &path) {
  char buffer[PATH_MAX];
  if (!::realpath(path.c_str(), buffer))
    return "";
  return buffer;
}

/// Whether `dir` (an existing directory) is `ancestor` or lies below it.
bool isWithin(const std::string &dir, const struct stat &ancestor) {
  std::string at = canonical(dir);
  while (!at.empty()) {
    struct stat st;
    if (::stat(at.c_str(), &st) == 0 && sameFile(st, ancestor))
      return true;
    if (at == "/")
      break;
    at = parentOf(at);
  }
  return false;
}

bool writeAll(int fd, const char *data, size_t size, int &err) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      err = errno;
      return false;
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

} // namespace

std::string checkOutputPath(const std::string &path,
                            const std::vector<std::string> &inputs,
                            const std::string &option) {
  if (path.empty())
    return option + " names no file (an empty path)";
  if (path == "-")
    return "";
  std::string what = option + " " + quoted(path);
  struct stat link;
  bool exists = ::lstat(path.c_str(), &link) == 0;
  struct stat target {};
  if (exists) {
    if (::stat(path.c_str(), &target) != 0)
      return what + " is a symbolic link to a missing file; give the path "
                    "of the file to write";
    if (S_ISDIR(target.st_mode))
      return what + " is a directory";
    if (S_ISBLK(target.st_mode))
      return what + " is a block device; snnc does not write to disks";
    if (S_ISSOCK(target.st_mode))
      return what + " is a socket";
  }
  // The directory the file will land in, with links resolved.
  std::string resolved =
      exists && S_ISLNK(link.st_mode) && S_ISREG(target.st_mode)
          ? canonical(path)
          : path;
  std::string dir = parentOf(resolved.empty() ? path : resolved);
  for (const std::string &input : inputs) {
    if (input.empty() || input == "-")
      continue;
    struct stat in;
    if (::stat(input.c_str(), &in) != 0)
      continue;
    if (exists && sameFile(target, in) && !S_ISCHR(in.st_mode) &&
        !S_ISFIFO(in.st_mode))
      return what + " is also the input " + quoted(input) +
             "; writing it would destroy the input";
    if (S_ISDIR(in.st_mode) && isWithin(dir, in))
      return what + " lies inside the input " + quoted(input) +
             "; writing it would damage the input";
  }
  return "";
}

PendingOutput::PendingOutput(std::string destination)
    : destination_(std::move(destination)) {
  target_ = destination_;
  struct stat st;
  if (destination_ == "-") {
    throughDevice_ = true;
  } else if (::lstat(destination_.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode) && ::stat(destination_.c_str(), &st) != 0) {
      error_ = "cannot write " + quoted(destination_) +
               ": it is a symbolic link to a missing file";
      return;
    }
    // A link to a regular file is replaced at the file it names; a device
    // or pipe (/proc/self/fd/1 names one) is opened through the link.
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
      throughDevice_ = true;
    else if (S_ISREG(st.st_mode))
      target_ = canonical(destination_);
    else {
      error_ = "cannot write " + quoted(destination_) +
               ": it is not a regular file, a character device or a FIFO";
      return;
    }
  }
  // A device's temporary goes to the temporary directory: nothing is ever
  // created beside /dev/null.
  std::string dir;
  if (throughDevice_) {
    const char *tmp = std::getenv("TMPDIR");
    dir = tmp && *tmp ? tmp : "/tmp";
  } else {
    dir = parentOf(target_);
  }
  std::string pattern =
      dir + "/." + baseOf(target_ == "-" ? "stdout" : target_) + ".snnc-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error_ = "cannot write " + quoted(destination_) +
             ": cannot create a file in " + quoted(dir) + ": " +
             osReason(errno);
    return;
  }
  temp_ = name.data();
  // Mode of a new file as open(2) would give it; an existing file keeps its
  // own.
  mode_t mode = 0666;
  struct stat old;
  if (!throughDevice_ && ::stat(target_.c_str(), &old) == 0)
    mode = old.st_mode & 07777;
  else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode &= ~mask;
  }
  ::fchmod(fd, mode);
  ::close(fd);
}

PendingOutput::~PendingOutput() { discard(); }

void PendingOutput::discard() {
  if (!temp_.empty())
    ::unlink(temp_.c_str());
  temp_.clear();
}

std::string PendingOutput::commit() {
  if (!ok())
    return error_;
  if (temp_.empty())
    return "cannot write " + quoted(destination_) + ": already finished";
  if (!throughDevice_) {
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
      std::string why = osReason(errno);
      discard();
      return "cannot write " + quoted(destination_) + ": " + why;
    }
    temp_.clear();
    return "";
  }
  std::string why;
  int in = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
  int out = destination_ == "-"
                ? STDOUT_FILENO
                : ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (in < 0 || out < 0)
    why = osReason(errno);
  char buffer[1 << 16];
  while (why.empty()) {
    ssize_t n = ::read(in, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      why = osReason(errno);
      break;
    }
    if (n == 0)
      break;
    int err = 0;
    if (!writeAll(out, buffer, static_cast<size_t>(n), err))
      why = osReason(err);
  }
  if (in >= 0)
    ::close(in);
  if (out >= 0 && out != STDOUT_FILENO && ::close(out) != 0 && why.empty())
    why = osReason(errno);
  discard();
  return why.empty() ? "" : "cannot write " + quoted(destination_) + ": " + why;
}

std::string PendingOutput::write(std::string_view bytes) {
  if (!ok())
    return error_;
  int fd = ::open(temp_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  int err = fd < 0 ? errno : 0;
  if (fd >= 0) {
    writeAll(fd, bytes.data(), bytes.size(), err);
    if (::close(fd) != 0 && err == 0)
      err = errno;
  }
  if (err == 0)
    return "";
  discard();
  return "cannot write " + quoted(destination_) + ": " + osReason(err);
}

std::string writeOutputFile(const std::string &destination,
                            std::string_view bytes) {
  PendingOutput out(destination);
  if (std::string why = out.write(bytes); !why.empty())
    return why;
  return out.commit();
}

} // namespace snnc
