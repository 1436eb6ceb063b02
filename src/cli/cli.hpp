// The `koers` command line: serve, import, demo. Parses arguments, wires the
// layers together and reports in Dutch. Returns the process exit code.
#pragma once

namespace koers::cli {

int Run(int argc, char** argv);

}  // namespace koers::cli
