// libFuzzer's driver, linked by -sanitize=fuzzer. SwiftPM names an executable's
// entry point `<Target>_main` on Linux, so libFuzzer's own main() is never used:
// each fuzz target's main.swift ends with `exit(DbagFuzzMain(CommandLine.argc, CommandLine.unsafeArgv))`.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// The target's input callback, defined in Swift with `@_cdecl("LLVMFuzzerTestOneInput")`.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/// Runs libFuzzer with the command line's flags and corpus folders.
static inline int DbagFuzzMain(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
