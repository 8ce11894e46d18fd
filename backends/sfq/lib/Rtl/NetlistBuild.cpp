//===- NetlistBuild.cpp - A netlist's RTL, verilated at run time ----------===//

#include "NetlistBuild.h"

#include "EmitVerilog.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace snnc::sfq::rtl {
namespace {

namespace fs = std::filesystem;
using image::ImageError;

constexpr const char *kOrigin = "sfq rtl";
constexpr const char *kTop = "sfq_netlist";
constexpr const char *kPrefix = "Vsfq_netlist";

//===----------------------------------------------------------------------===//
// The C ABI between this library and a built model
//===----------------------------------------------------------------------===//

// One declaration, compiled here and pasted into the shim, so the two sides
// cannot disagree. A model exports only snnc_sfq_api_v1 (a version script
// hides the rest, the Verilator runtime included, so that models loaded
// side by side keep their own).
#define SNNC_SFQ_API_DECL                                                      \
  typedef void (*SnncSfqFireFn)(void *ctx, uint64_t tick, uint32_t neuron,     \
                                uint32_t count);                               \
  struct SnncSfqApi {                                                          \
    uint32_t version;                                                          \
    uint32_t inputs;                                                           \
    uint32_t neurons;                                                          \
    uint32_t counters;                                                         \
    void *(*create)(int traced);                                               \
    void (*destroy)(void *unit);                                               \
    void (*setSeed)(void *unit, uint64_t seed);                                \
    void (*reset)(void *unit);                                                 \
    void (*run)(void *unit, uint64_t end, const uint64_t *ticks,               \
                const uint32_t *elements, size_t n, SnncSfqFireFn fire,        \
                void *ctx);                                                    \
    uint64_t (*now)(void *unit);                                               \
    void (*counters_)(void *unit, uint64_t *out);                              \
    uint64_t (*pulseSum)(void *unit);                                          \
    uint64_t (*pulseCount)(void *unit);                                        \
    int (*overflowed)(void *unit);                                             \
    int (*openTrace)(void *unit, const char *path);                            \
    void (*setTracing)(void *unit, int on, uint64_t cycle);                    \
    const char *(*closeTrace)(void *unit);                                     \
  };

SNNC_SFQ_API_DECL

#define SNNC_SFQ_STRINGIFY(...) #__VA_ARGS__
#define SNNC_SFQ_TEXT(...) SNNC_SFQ_STRINGIFY(__VA_ARGS__)
constexpr const char *kApiText = SNNC_SFQ_TEXT(SNNC_SFQ_API_DECL);
constexpr uint32_t kApiVersion = 1;
/// Part of every cache key: change it with the build steps below, so that
/// models built the old way are not loaded.
constexpr const char *kRecipe = "single translation unit, runtime objects";

/// The shim: the model on the shared VerilatedUnit driver, behind the ABI.
/// SNNC_INPUTS, SNNC_NEURONS and SNNC_TRACED come from the command line.
constexpr const char *kShimText = R"cpp(
#include "Vsfq_netlist.h"
#include "snnc/rtl/VerilatedUnit.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" {
SNNC_API_TEXT
}

namespace {

#if SNNC_TRACED
using Model = Vsfq_netlist;
#else
// VerilatedUnit calls trace() only on traced units, but must compile it.
struct Model : Vsfq_netlist {
  using Vsfq_netlist::Vsfq_netlist;
  void trace(VerilatedVcdC *, int) {}
};
#endif

template <typename T> void setBit(T &word, uint32_t bit, bool on) {
  T mask = static_cast<T>(T(1) << bit);
  word = on ? static_cast<T>(word | mask) : static_cast<T>(word & ~mask);
}
template <std::size_t N> void setBit(VlWide<N> &wide, uint32_t bit, bool on) {
  EData mask = EData(1) << (bit % 32);
  wide[bit / 32] = on ? (wide[bit / 32] | mask) : (wide[bit / 32] & ~mask);
}
// Entry e of in_pulse_i: SNNC_PULSE_BITS bits (sfq_pkg::PulseW).
template <typename T> void setEntry(T &port, uint32_t e, uint32_t value) {
  for (uint32_t b = 0; b < SNNC_PULSE_BITS; ++b)
    setBit(port, e * SNNC_PULSE_BITS + b, (value >> b) & 1);
}
// Entry i of fire_o: 16 bits (sfq_pkg::CntW).
template <typename T> uint32_t entry(const T &v, uint32_t i) {
  return static_cast<uint32_t>(static_cast<uint64_t>(v) >> (16 * i)) & 0xffff;
}
template <std::size_t N> uint32_t entry(const VlWide<N> &v, uint32_t i) {
  return (v[i / 2] >> (16 * (i % 2))) & 0xffff;
}

struct Unit {
  explicit Unit(bool traced) : unit(traced, "sfq") {
    unit.ports().seed_i = 0;
    unit.reset();
  }
  void lower(Model &m) {
    for (uint32_t e : raised) {
      setEntry(m.in_pulse_i, e, 0);
      pending[e] = 0;
    }
    raised.clear();
  }
  snnc::rtl::VerilatedUnit<Model> unit;
  // The in_pulse_i entries raised for the last tick, and their counts.
  std::vector<uint32_t> raised;
  std::vector<uint32_t> pending = std::vector<uint32_t>(SNNC_INPUTS, 0);
  // More pulses of one element in one tick than a wire holds.
  bool inputOverflow = false;
  std::string traceError;
};

Unit &U(void *p) { return *static_cast<Unit *>(p); }

void *create(int traced) { return new Unit(traced != 0); }
void destroy(void *p) { delete &U(p); }
void setSeed(void *p, uint64_t seed) { U(p).unit.ports().seed_i = seed; }
void reset(void *p) {
  U(p).lower(U(p).unit.ports());
  U(p).inputOverflow = false;
  U(p).unit.reset();
}

void run(void *p, uint64_t end, const uint64_t *ticks,
         const uint32_t *elements, size_t n, SnncSfqFireFn fire, void *ctx) {
  Unit &u = U(p);
  Model &m = u.unit.ports();
  uint64_t now = m.tick_o;
  size_t i = 0;
  while (i < n && ticks[i] < now)
    ++i;
  for (; now < end; ++now) {
    // The tick's pulses, loaded by the rising edge that enters it.
    u.lower(m);
    for (; i < n && ticks[i] == now; ++i) {
      uint32_t e = elements[i];
      if (e >= SNNC_INPUTS)
        continue;
      if (u.pending[e] == 0)
        u.raised.push_back(e);
      if (u.pending[e] == (1u << SNNC_PULSE_BITS) - 1)
        u.inputOverflow = true;
      else
        setEntry(m.in_pulse_i, e, ++u.pending[e]);
    }
    u.unit.tick([](Model &) {});
    if (m.fire_any_o && fire)
      for (uint32_t k = 0; k < SNNC_NEURONS; ++k)
        if (uint32_t c = entry(m.fire_o, k))
          fire(ctx, now, k, c);
  }
}

uint64_t now(void *p) { return U(p).unit.ports().tick_o; }
void counters(void *p, uint64_t *out) {
  for (uint32_t k = 0; k < SNNC_COUNTERS; ++k)
    out[k] = U(p).unit.ports().counters_o[k];
}
uint64_t pulseSum(void *p) { return U(p).unit.ports().pulse_sum_o; }
uint64_t pulseCount(void *p) { return U(p).unit.ports().pulse_count_o; }
int overflowed(void *p) {
  return U(p).unit.ports().overflow_o || U(p).inputOverflow;
}
int openTrace(void *p, const char *path) { return U(p).unit.openTrace(path); }
void setTracing(void *p, int on, uint64_t cycle) {
  U(p).unit.setTracing(on != 0, cycle);
}
const char *closeTrace(void *p) {
  U(p).traceError = U(p).unit.closeTrace();
  return U(p).traceError.c_str();
}

const SnncSfqApi kApi = {SNNC_API_VERSION, SNNC_INPUTS, SNNC_NEURONS,
                         SNNC_COUNTERS, create, destroy, setSeed, reset, run,
                         now, counters, pulseSum, pulseCount, overflowed,
                         openTrace, setTracing, closeTrace};

} // namespace

extern "C" __attribute__((visibility("default"))) const SnncSfqApi *
snnc_sfq_api_v1() {
  return &kApi;
}
)cpp";

constexpr const char *kExportMap = "{ global: snnc_sfq_api_v1; local: *; };\n";

//===----------------------------------------------------------------------===//
// Tools and files
//===----------------------------------------------------------------------===//

std::string envOr(const char *name, const std::string &fallback) {
  const char *v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

std::string verilatorProgram() {
  return envOr("SNNC_VERILATOR", SNNC_SFQ_VERILATOR_BIN);
}
std::string compilerProgram() { return envOr("SNNC_RTL_CXX", SNNC_SFQ_CXX); }
std::string verilatorInclude() {
  return envOr("SNNC_VERILATOR_INCLUDE", SNNC_SFQ_VERILATOR_INCLUDE);
}
std::string hwDir() { return envOr("SNNC_SFQ_HW_DIR", SNNC_SFQ_HW_DIR); }

/// 64-bit FNV-1a, extended a piece at a time.
struct Hash {
  uint64_t h = 0xcbf29ce484222325ULL;
  void add(std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    h ^= 0xff;
    h *= 0x100000001b3ULL;
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx",
                  static_cast<unsigned long long>(h));
    return buf;
  }
};

bool readFile(const std::string &path, std::string &out) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return !in.bad();
}

/// Writes `text` to `path`; the OS's reason on failure (a full disk).
std::string writeFile(const std::string &path, const std::string &text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return "cannot create " + path + ": " + std::strerror(errno);
  const char *p = text.data();
  size_t left = text.size();
  while (left) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      int err = n < 0 ? errno : ENOSPC;
      ::close(fd);
      return "cannot write " + path + ": " + std::strerror(err);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::close(fd) != 0)
    return "cannot write " + path + ": " + std::strerror(errno);
  return "";
}

/// The last lines of a log, for an error message.
std::string logTail(const std::string &path, size_t lines = 12) {
  std::string text;
  if (!readFile(path, text))
    return "";
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  size_t pos = text.size();
  for (size_t n = 0; n < lines && pos != std::string::npos && pos > 0; ++n)
    pos = text.rfind('\n', pos - 1);
  return pos == std::string::npos || pos == 0 ? text : text.substr(pos + 1);
}

/// Runs argv[0] (looked up in PATH) with stdout and stderr to `log`; "" on
/// exit status 0, else what went wrong with the log's tail.
std::string runTool(const std::vector<std::string> &argv,
                    const std::string &log, const std::string &step) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char *> args;
  for (const std::string &a : argv)
    args.push_back(const_cast<char *>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int err =
      posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0)
    return step + ": cannot run '" + argv[0] + "': " + std::strerror(err);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return step + ": lost '" + argv[0] + "': " + std::strerror(errno);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    return "";
  std::string why = WIFEXITED(status)
                        ? "exit status " + std::to_string(WEXITSTATUS(status))
                        : "signal " + std::to_string(WTERMSIG(status));
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    why += " (not found?)";
  std::string tail = logTail(log);
  return step + " failed (" + why + ", log " + log + ")" +
         (tail.empty() ? "" : ":\n" + tail);
}

/// `verilator --version`, once per process.
std::string verilatorVersion(std::string &error) {
  static std::mutex lock;
  static std::map<std::string, std::string> known;
  std::lock_guard<std::mutex> guard(lock);
  std::string program = verilatorProgram();
  auto it = known.find(program);
  if (it != known.end())
    return it->second;
  char name[] = "/tmp/snnc-verilator-version-XXXXXX";
  int fd = mkstemp(name);
  if (fd < 0) {
    error =
        std::string("cannot create a temporary file: ") + std::strerror(errno);
    return "";
  }
  ::close(fd);
  error = runTool({program, "--version"}, name, "verilator --version");
  std::string text;
  readFile(name, text);
  ::unlink(name);
  if (!error.empty())
    return "";
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  return known[program] = text;
}

std::string uniqueSuffix() {
  std::random_device rd;
  return std::to_string(::getpid()) + "-" + std::to_string(rd());
}

/// Moves the finished `tmp` to `dir`; when another process got there first
/// its copy is kept and `tmp` dropped. "" or the OS's reason.
std::string publish(const std::string &tmp, const std::string &dir) {
  if (::rename(tmp.c_str(), dir.c_str()) == 0)
    return "";
  int err = errno;
  std::error_code ec;
  if (err == EEXIST || err == ENOTEMPTY) {
    fs::remove_all(tmp, ec);
    return "";
  }
  fs::remove_all(tmp, ec);
  return "cannot move " + tmp + " to " + dir + ": " + std::strerror(err);
}

/// -O1: a netlist's one translation unit is large (about 1,200 lines per
/// cell), and a model is built once and run briefly; against -O2 it builds
/// the 338-cell test reservoir in 80 s instead of 107 s and runs 8 % slower.
std::string compileFlags() {
  return "-std=gnu++17 -O1 -fPIC -fvisibility=hidden -DVM_COVERAGE=0 "
         "-DVM_SC=0 -DVM_TRACE_FST=0 -DVM_TRACE_VCD=1";
}

std::vector<std::string> splitFlags(const std::string &flags) {
  std::vector<std::string> out;
  std::istringstream in(flags);
  for (std::string f; in >> f;)
    out.push_back(f);
  return out;
}

/// The Verilator runtime, compiled once per (Verilator, compiler, flags)
/// into cache/runtime-<hash>/: every model links the same objects.
std::string runtimeObjects(const std::string &cache, const std::string &version,
                           std::vector<std::string> &objects) {
  static const char *kSources[] = {"verilated.cpp", "verilated_vcd_c.cpp",
                                   "verilated_threads.cpp"};
  Hash h;
  h.add(version);
  h.add(compilerProgram());
  h.add(compileFlags());
  h.add(verilatorInclude());
  std::string dir = cache + "/runtime-" + h.hex();
  objects.clear();
  for (const char *src : kSources)
    objects.push_back(dir + "/" + fs::path(src).stem().string() + ".o");
  bool complete = true;
  for (const std::string &o : objects)
    complete = complete && fs::exists(o);
  if (complete)
    return "";

  std::string suffix = uniqueSuffix();
  std::string tmp = cache + "/.tmp-runtime-" + suffix;
  std::string log = dir + "-" + suffix + ".log";
  std::error_code ec;
  fs::create_directories(tmp, ec);
  if (ec)
    return "cannot create " + tmp + ": " + ec.message();
  std::string inc = verilatorInclude();
  for (const char *src : kSources) {
    std::vector<std::string> argv = {compilerProgram()};
    for (const std::string &f : splitFlags(compileFlags()))
      argv.push_back(f);
    argv.insert(argv.end(), {"-DVM_TRACE=1", "-I" + inc, "-I" + inc + "/vltstd",
                             "-c", inc + "/" + src, "-o",
                             tmp + "/" + fs::path(src).stem().string() + ".o"});
    if (std::string e =
            runTool(argv, log, std::string("compiling Verilator's ") + src);
        !e.empty()) {
      fs::remove_all(tmp, ec);
      return e;
    }
  }
  ::unlink(log.c_str());
  return publish(tmp, dir);
}

//===----------------------------------------------------------------------===//
// Loaded models
//===----------------------------------------------------------------------===//

/// dlopened objects stay loaded for the process: a Verilator runtime may
/// have thread-local state that must outlive its last model.
const SnncSfqApi *loadModel(const std::string &path, std::string &error) {
  static std::mutex lock;
  static std::map<std::string, const SnncSfqApi *> loaded;
  std::lock_guard<std::mutex> guard(lock);
  auto it = loaded.find(path);
  if (it != loaded.end())
    return it->second;
  void *handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *why = ::dlerror();
    error = "cannot load " + path + ": " + (why ? why : "unknown error");
    return nullptr;
  }
  using Entry = const SnncSfqApi *(*)();
  auto entry = reinterpret_cast<Entry>(::dlsym(handle, "snnc_sfq_api_v1"));
  const SnncSfqApi *api = entry ? entry() : nullptr;
  if (!api || api->version != kApiVersion || api->counters != kNumCounters) {
    error = path + " is not an SFQ netlist model of this snnc (ABI " +
            std::to_string(kApiVersion) + ")";
    ::dlclose(handle);
    return nullptr;
  }
  loaded[path] = api;
  return api;
}

} // namespace

struct VerilatedNetlist::Library {
  const SnncSfqApi *api = nullptr;
};

std::string defaultCacheDir() {
  if (const char *v = std::getenv("SNNC_RTL_CACHE"); v && *v)
    return v;
  if (const char *v = std::getenv("XDG_CACHE_HOME"); v && *v)
    return std::string(v) + "/snnc/sfq-rtl";
  if (const char *v = std::getenv("HOME"); v && *v)
    return std::string(v) + "/.cache/snnc/sfq-rtl";
  return "/tmp/snnc-sfq-rtl-" + std::to_string(::getuid());
}

image::Expected<std::unique_ptr<VerilatedNetlist>>
VerilatedNetlist::build(const Netlist &netlist, const TimingTable &timing,
                        const BuildOptions &options) {
  auto fail = [](const std::string &what) { return ImageError{kOrigin, what}; };
  if (std::string e = netlist.check(); !e.empty())
    return fail("netlist: " + e);
  if (std::string e = checkEmittable(netlist, timing); !e.empty())
    return fail(e);

  std::string top = emitVerilog(netlist, timing, kTop);
  const uint32_t inputs = inputWidth(netlist);
  const std::vector<uint32_t> neurons = neuronCells(netlist);
  const uint32_t fireEntries =
      static_cast<uint32_t>(std::max<size_t>(neurons.size(), 1));

  std::string versionError;
  std::string version = verilatorVersion(versionError);
  if (!versionError.empty())
    return fail(versionError);

  // Everything that shapes the object goes into its key.
  std::vector<std::string> vflags = {"--cc",         "--prefix",  kPrefix,
                                     "--top-module", kTop,        "-O3",
                                     "--x-assign",   "fast",      "--x-initial",
                                     "unique",       "-Wno-fatal"};
  if (options.trace)
    vflags.push_back("--trace");
  if (options.wrongMergeRule)
    vflags.push_back("-GWrongMergeRule=1'b1");
  std::string defines = "-DSNNC_INPUTS=" + std::to_string(inputs) +
                        "u -DSNNC_NEURONS=" + std::to_string(fireEntries) +
                        "u -DSNNC_COUNTERS=" + std::to_string(kNumCounters) +
                        "u -DSNNC_PULSE_BITS=" + std::to_string(kPulseBits) +
                        "u -DSNNC_API_VERSION=" + std::to_string(kApiVersion) +
                        "u -DSNNC_TRACED=" + (options.trace ? "1" : "0") +
                        " -DVM_TRACE=" + (options.trace ? "1" : "0");
  Hash key;
  key.add(kRecipe);
  key.add(version);
  key.add(compilerProgram());
  key.add(compileFlags());
  key.add(defines);
  key.add(SNNC_SFQ_RTL_INCLUDE);
  key.add(kApiText);
  key.add(kShimText);
  for (const std::string &f : vflags)
    key.add(f);
  for (const std::string &src : cellSources()) {
    std::string text;
    if (!readFile(hwDir() + "/" + src, text))
      return fail("cannot read the cell model " + hwDir() + "/" + src);
    key.add(text);
  }
  // The shared driver the shim compiles in.
  for (const char *header :
       {"/snnc/rtl/VerilatedUnit.h", "/snnc/rtl/CheckedVcdFile.h"}) {
    std::string text;
    if (!readFile(SNNC_SFQ_RTL_INCLUDE + std::string(header), text))
      return fail(std::string("cannot read ") + SNNC_SFQ_RTL_INCLUDE + header);
    key.add(text);
  }
  key.add(top);

  std::string cache =
      options.cacheDir.empty() ? defaultCacheDir() : options.cacheDir;
  std::error_code ec;
  fs::create_directories(cache, ec);
  if (ec)
    return fail("cannot create the cache directory " + cache + ": " +
                ec.message());
  std::string dir = cache + "/" + key.hex();
  std::string so = dir + "/model.so";

  auto model = std::unique_ptr<VerilatedNetlist>(new VerilatedNetlist());
  model->neuronCells_ = neurons;
  model->info_.library = so;
  model->info_.cached = true;

  auto cached = [&] {
    std::string existing;
    return fs::exists(so) && readFile(dir + "/top.sv", existing) &&
           existing == top;
  };
  // The second look covers an entry published between the two.
  if (!cached() && fs::exists(dir) && !cached())
    // A hash collision or an entry damaged by hand: never load it.
    return fail(dir + " holds a different netlist or is incomplete; "
                      "remove it to rebuild");
  if (!cached()) {
    auto start = std::chrono::steady_clock::now();

    std::string suffix = uniqueSuffix();
    std::string tmp = cache + "/.tmp-" + key.hex() + "-" + suffix;
    fs::create_directories(tmp + "/obj", ec);
    if (ec)
      return fail("cannot create " + tmp + ": " + ec.message());
    // A failed build leaves only its log, next to the entries.
    std::string failedLog = cache + "/" + key.hex() + "-" + suffix + ".log";
    auto abandon = [&](const std::string &e) {
      std::error_code ignored;
      fs::remove_all(tmp, ignored);
      return fail(e);
    };
    std::string shim = kShimText;
    shim.replace(shim.find("SNNC_API_TEXT"), std::strlen("SNNC_API_TEXT"),
                 kApiText);
    const std::pair<std::string, std::string> files[] = {
        {"top.sv", top}, {"shim.cpp", shim}, {"exports.map", kExportMap}};
    for (const auto &[name, text] : files)
      if (std::string e = writeFile(tmp + "/" + name, text); !e.empty())
        return abandon(e);

    std::vector<std::string> argv = {verilatorProgram()};
    argv.insert(argv.end(), vflags.begin(), vflags.end());
    argv.insert(argv.end(), {"--Mdir", tmp + "/obj"});
    for (const std::string &src : cellSources())
      argv.push_back(hwDir() + "/" + src);
    argv.push_back(tmp + "/top.sv");
    if (std::string e = runTool(argv, failedLog, "verilator"); !e.empty())
      return abandon(e);

    // After Verilator, so that a netlist it refuses fails fast.
    std::vector<std::string> runtime;
    if (std::string e = runtimeObjects(cache, version, runtime); !e.empty())
      return abandon(e);

    std::vector<std::string> cxx = {compilerProgram()};
    for (const std::string &f : splitFlags(compileFlags()))
      cxx.push_back(f);
    for (const std::string &f : splitFlags(defines))
      cxx.push_back(f);
    std::string inc = verilatorInclude();
    // One translation unit (as Verilator's own __ALL.cpp): the headers are
    // most of the compile time, so they are parsed once.
    std::vector<std::string> generated;
    for (const auto &entry : fs::directory_iterator(tmp + "/obj", ec))
      if (entry.path().extension() == ".cpp")
        generated.push_back(entry.path().filename().string());
    std::sort(generated.begin(), generated.end());
    std::string all = "#include \"shim.cpp\"\n";
    for (const std::string &g : generated)
      all += "#include \"obj/" + g + "\"\n";
    if (std::string e = writeFile(tmp + "/all.cpp", all); !e.empty())
      return abandon(e);
    cxx.insert(cxx.end(),
               {"-w", "-I" + tmp + "/obj", "-I" + inc, "-I" + inc + "/vltstd",
                std::string("-I") + SNNC_SFQ_RTL_INCLUDE, "-shared", "-o",
                tmp + "/model.so",
                "-Wl,--version-script=" + tmp + "/exports.map",
                tmp + "/all.cpp"});
    cxx.insert(cxx.end(), runtime.begin(), runtime.end());
    cxx.insert(cxx.end(), {"-pthread", "-latomic"});
    if (std::string e =
            runTool(cxx, failedLog, "compiling the verilated netlist");
        !e.empty())
      return abandon(e);
    ::unlink(failedLog.c_str());
    // The generated C++ is large and only needed to rebuild.
    fs::remove_all(tmp + "/obj", ec);
    if (std::string e = publish(tmp, dir); !e.empty())
      return fail(e);
    model->info_.cached = false;
    model->info_.buildSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
  }

  std::string loadError;
  const SnncSfqApi *api = loadModel(so, loadError);
  if (!api)
    return fail(loadError);
  if (api->inputs != inputs || api->neurons != fireEntries)
    return fail(so + " does not match the netlist's ports");
  model->library = std::make_shared<Library>();
  model->library->api = api;
  model->model = api->create(options.trace ? 1 : 0);
  return model;
}

VerilatedNetlist::~VerilatedNetlist() {
  if (model)
    library->api->destroy(model);
}

void VerilatedNetlist::reset() {
  queued.clear();
  library->api->reset(model);
}

bool VerilatedNetlist::openTrace(const std::string &path) {
  return library->api->openTrace(model, path.c_str()) != 0;
}

void VerilatedNetlist::setTracing(bool on, uint64_t cycle) {
  library->api->setTracing(model, on ? 1 : 0, cycle);
}

std::string VerilatedNetlist::closeTrace() {
  return library->api->closeTrace(model);
}

void VerilatedNetlist::setSeed(uint64_t seed) {
  library->api->setSeed(model, seed);
}

namespace {
struct FireSink {
  const std::vector<uint32_t> *neurons;
  std::vector<NeuronFire> *fires;
};

void collectFire(void *ctx, uint64_t tick, uint32_t neuron, uint32_t count) {
  auto *sink = static_cast<FireSink *>(ctx);
  if (neuron >= sink->neurons->size())
    return;
  for (uint32_t i = 0; i < count; ++i)
    sink->fires->push_back({tick, (*sink->neurons)[neuron]});
}
} // namespace

void VerilatedNetlist::tick(const std::vector<uint32_t> &elements,
                            std::vector<NeuronFire> *fires) {
  uint64_t t = now();
  std::vector<uint64_t> ticks(elements.size(), t);
  FireSink sink{&neuronCells_, fires};
  library->api->run(model, t + 1, ticks.data(), elements.data(),
                    elements.size(), fires ? collectFire : nullptr, &sink);
}

void VerilatedNetlist::runUntil(uint64_t endTick,
                                const std::vector<Injection> &injections,
                                std::vector<NeuronFire> &fires) {
  std::vector<Injection> sorted = injections;
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const Injection &a, const Injection &b) { return a.tick < b.tick; });
  std::vector<uint64_t> ticks;
  std::vector<uint32_t> elements;
  ticks.reserve(sorted.size());
  elements.reserve(sorted.size());
  for (const Injection &i : sorted) {
    ticks.push_back(i.tick);
    elements.push_back(i.element);
  }
  FireSink sink{&neuronCells_, &fires};
  library->api->run(model, endTick, ticks.data(), elements.data(), ticks.size(),
                    collectFire, &sink);
}

void VerilatedNetlist::inject(uint64_t tick, uint32_t element) {
  queued.push_back({tick, element});
}

void VerilatedNetlist::runUntil(uint64_t endTick,
                                std::vector<NeuronFire> &fires) {
  auto later = std::stable_partition(
      queued.begin(), queued.end(),
      [endTick](const Injection &i) { return i.tick < endTick; });
  std::vector<Injection> due(queued.begin(), later);
  queued.erase(queued.begin(), later);
  runUntil(endTick, due, fires);
}

uint64_t VerilatedNetlist::now() const { return library->api->now(model); }

std::array<uint64_t, kNumCounters> VerilatedNetlist::counters() const {
  std::array<uint64_t, kNumCounters> out{};
  library->api->counters_(model, out.data());
  return out;
}

uint64_t VerilatedNetlist::pulseSum() const {
  return library->api->pulseSum(model);
}

uint64_t VerilatedNetlist::pulseCount() const {
  return library->api->pulseCount(model);
}

bool VerilatedNetlist::overflowed() const {
  return library->api->overflowed(model) != 0;
}

} // namespace snnc::sfq::rtl
