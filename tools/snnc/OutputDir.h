//===- OutputDir.h - Writing a set of files into a directory ----*- C++ -*-===//
//
// `--plot DIR` writes several SVGs: they land together or not at all, each
// through the one output writer (snnc/Support/OutputFile.h), and a
// directory created for them is removed again when writing fails.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_OUTPUTDIR_H
#define SNNC_TOOLS_OUTPUTDIR_H

#include "snnc/image/ImageError.h"

#include <string>
#include <utility>
#include <vector>

namespace snnc::tools {

/// A file name inside the directory and its contents.
using NamedFile = std::pair<std::string, std::string>;

/// Why one of `names` inside `dir` may not be written by a command reading
/// `inputs`, or "" (see checkOutputPath).
std::string checkOutputDir(const std::string &dir,
                           const std::vector<std::string> &names,
                           const std::vector<std::string> &inputs,
                           const std::string &option);

/// Creates `dir` and its parents and writes every file, or on failure
/// leaves no new file or directory behind and names the reason.
image::Status writeOutputDir(const std::string &dir,
                             const std::vector<NamedFile> &files);

} // namespace snnc::tools

#endif // SNNC_TOOLS_OUTPUTDIR_H
