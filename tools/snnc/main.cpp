//===- main.cpp - The snnc driver: compile, run, inspect, import ----------===//

#include "Driver.h"

int main(int argc, char **argv) { return snnc::tools::runSnnc(argc, argv); }
