# lit configuration for snnc's IR and tool tests.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "SNNC"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.snnc_obj_root, "test")
config.excludes = ["Inputs", "corpus", "fuzz_snnc_opt.py", "CMakeLists.txt", "lit.cfg.py",
                   "lit.site.cfg.py", "unit", "bench", "probe"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%examples", os.path.join(config.snnc_src_root,
                                                       "examples")))

# The sample NIR files shared by the project (HDF5; see their README.md).
# They sit beside the repository (../shared/nir), as in CI; tests that read
# them declare `REQUIRES: nir-samples` and are reported unsupported elsewhere.
nir_samples = os.path.join(config.snnc_src_root, "..", "shared", "nir")
config.substitutions.append(("%nir", nir_samples))
if os.path.isfile(os.path.join(nir_samples, "two_lif_neurons.nir")):
    config.available_features.add("nir-samples")

# Debian's dataset-fashion-mnist, which tools/scripts/install-deps.sh
# installs; tests that read it declare `REQUIRES: fashion-mnist`.
if os.path.isdir("/usr/share/datasets/fashion-mnist"):
    config.available_features.add("fashion-mnist")

# One feature per built target, e.g. `REQUIRES: spinnaker2-target`.
for target in config.targets:
    config.available_features.add(target + "-target")

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tool_dirs = [config.snnc_tools_dir, config.llvm_tools_dir]
tools = ["snnc-opt", "snnc-toy", "snnc"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
