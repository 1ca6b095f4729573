// The one Catch2 main for the whole suite; cases register themselves per file.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
