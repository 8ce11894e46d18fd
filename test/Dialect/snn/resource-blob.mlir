// Lit test: a 1000x1000 snn.linear weight held as a dense_resource blob round-trips byte-exactly.

// RUN: %python %S/Inputs/gen_big_linear.py > %t.mlir
// RUN: snnc-opt %t.mlir > %t.1.mlir
// RUN: snnc-opt %t.1.mlir > %t.2.mlir
// RUN: diff %t.1.mlir %t.2.mlir
// RUN: snnc-opt --mlir-print-op-generic %t.1.mlir | snnc-opt > %t.3.mlir
// RUN: diff %t.1.mlir %t.3.mlir
// RUN: %python %S/Inputs/gen_big_linear.py --check %t.1.mlir
// RUN: %python %S/Inputs/gen_big_linear.py --check %t.3.mlir
// RUN: FileCheck %s < %t.1.mlir

// CHECK-LABEL: snn.network @big_linear(%{{.*}}: !snn.spikes<1000>) -> !snn.spikes<1000>
// CHECK: snn.linear %{{.*}} weight(dense_resource<[[BLOB:big_linear_weight]]> : tensor<1000x1000xf32>) : !snn.spikes<1000> -> !snn.current<1000>
// CHECK: snn.lif
// CHECK-SAME: (!snn.current<1000>) -> !snn.spikes<1000>
// CHECK: snn.output
// CHECK-NOT: dense<
// CHECK: {-#
// CHECK-NEXT: dialect_resources: {
// CHECK-NEXT: builtin: {
// The alignment (4) then the first four weights, as the generator wrote them.
// CHECK-NEXT: [[BLOB]]: "0x04000000482E453F80ABD13D0E2A49BF8085463E{{[0-9A-F]+}}"
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: #-}

// Covers: parsing, printing and re-parsing (custom and generic form) of a
// 4 MB dense_resource f32 weight without it being inlined as dense<...>, and
// that the printed blob hex equals the generator's payload byte for byte.
