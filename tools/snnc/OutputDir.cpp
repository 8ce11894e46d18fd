//===- OutputDir.cpp - Writing a set of files into a directory -----------===//

#include "OutputDir.h"

#include "snnc/Support/OutputFile.h"

#include <filesystem>
#include <memory>
#include <system_error>

namespace snnc::tools {

namespace fs = std::filesystem;

std::string checkOutputDir(const std::string &dir,
                           const std::vector<std::string> &names,
                           const std::vector<std::string> &inputs,
                           const std::string &option) {
  if (dir.empty())
    return option + " names no directory (an empty path)";
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return option + " '" + dir + "' exists and is not a directory";
  for (const std::string &name : names)
    if (std::string why =
            checkOutputPath((fs::path(dir) / name).string(), inputs, option);
        !why.empty())
      return why;
  return "";
}

image::Status writeOutputDir(const std::string &dir,
                             const std::vector<NamedFile> &files) {
  // The directories this call creates, deepest first, to remove on failure.
  std::vector<fs::path> created;
  std::error_code ec;
  for (fs::path at = fs::path(dir).lexically_normal();
       !at.empty() && !fs::exists(at, ec); at = at.parent_path()) {
    created.push_back(at);
    if (at == at.parent_path())
      break;
  }
  auto undo = [&](const std::string &file, const std::string &why) {
    for (const fs::path &d : created)
      fs::remove(d, ec); // only removes empty directories
    return image::Status(image::ImageError{file, why});
  };
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec))
    return undo(dir, "cannot create the directory" +
                         (ec ? ": " + ec.message() : std::string()));
  // Every file is written in full before any is moved into place.
  std::vector<std::unique_ptr<PendingOutput>> pending;
  for (const auto &[name, bytes] : files) {
    std::string path = (fs::path(dir) / name).string();
    pending.push_back(std::make_unique<PendingOutput>(path));
    if (std::string why = pending.back()->write(bytes); !why.empty()) {
      pending.clear();
      return undo("", why);
    }
  }
  for (std::unique_ptr<PendingOutput> &out : pending)
    if (std::string why = out->commit(); !why.empty()) {
      pending.clear();
      return undo("", why);
    }
  return image::Status::success();
}

} // namespace snnc::tools
