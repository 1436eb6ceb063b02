#include "cli/cli.hpp"

int main(int argc, char** argv) { return koers::cli::Run(argc, argv); }
