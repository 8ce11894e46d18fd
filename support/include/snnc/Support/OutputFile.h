//===- OutputFile.h - Writing an output without destroying data -*- C++ -*-===//
//
// Every file snnc writes goes through here, so that no output path can
// destroy data, whatever the user names:
//  - a path that is one of the command's inputs, or lies inside an input
//    directory (a chip image), is refused before any work is done;
//  - a regular file (new or existing) is written to a temporary file beside
//    it and renamed into place, so a failed write leaves the old file (or
//    nothing) and never half a file;
//  - a symbolic link is followed to the file it names, and that file is
//    replaced: the link itself is never replaced;
//  - a character device or a FIFO (/dev/null, /dev/stdout, a pipe) is
//    written straight through, never replaced by a regular file;
//  - a directory, a block device or a socket is refused.
// Errors are messages that name the path and carry the OS's reason.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SUPPORT_OUTPUTFILE_H
#define SNNC_SUPPORT_OUTPUTFILE_H

#include <string>
#include <string_view>
#include <vector>

namespace snnc {

/// Why `path` may not be written by a command that reads `inputs` (files or
/// directories; missing ones and "-" are ignored), or "" when it may.
/// `option` names the flag in the message ("-o", "--vcd", ...).
std::string checkOutputPath(const std::string &path,
                            const std::vector<std::string> &inputs,
                            const std::string &option);

/// An output being written: `path()` is where the writer puts the bytes (a
/// temporary file beside the destination), `commit()` moves them to the
/// destination. Destroying it without a successful commit removes the
/// temporary, so a failed run leaves nothing behind.
class PendingOutput {
public:
  /// Prepares to write `destination`; on failure `error()` says why and
  /// nothing was created.
  explicit PendingOutput(std::string destination);
  ~PendingOutput();
  PendingOutput(const PendingOutput &) = delete;
  PendingOutput &operator=(const PendingOutput &) = delete;

  bool ok() const { return error_.empty(); }
  const std::string &error() const { return error_; }
  /// The temporary file to write (it exists, empty, when ok()).
  const std::string &path() const { return temp_; }
  /// Writes `bytes` as the whole temporary; "" on success, else a message
  /// naming the destination and the OS's reason (the temporary is gone).
  std::string write(std::string_view bytes);
  /// Moves the finished temporary into place (rename, or a copy through a
  /// device or FIFO); "" on success, else why not (the temporary is gone
  /// either way).
  std::string commit();
  /// Removes the temporary without touching the destination.
  void discard();

private:
  std::string destination_;
  std::string target_; // the destination with symbolic links resolved
  std::string temp_;
  std::string error_;
  bool throughDevice_ = false;
};

/// Writes `bytes` to `destination` by the rules above; "" on success, else
/// a message naming the path and the reason.
std::string writeOutputFile(const std::string &destination,
                            std::string_view bytes);

} // namespace snnc

#endif // SNNC_SUPPORT_OUTPUTFILE_H
