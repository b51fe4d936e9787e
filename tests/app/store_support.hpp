#pragma once
// What the storage and workspace tests share: sample files, instants, and running a
// MemoryStore's queued callbacks until nothing is left, as a browser's event loop would.

#include <fstream>
#include <sstream>
#include <string>

#include "app/store.hpp"
#include "core/date.hpp"

namespace okr::test {

inline std::string read_file(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

inline std::string sample(const std::string& name) { return read_file(std::string(OKR_SAMPLES_DIR) + "/" + name); }

inline std::string northwind() { return sample("northwind-it.json"); }

inline Timestamp at(const char* text) { return *Timestamp::parse(text); }

inline void settle(MemoryStore& store)
{
    while (store.run_pending() > 0) {
    }
}

}  // namespace okr::test
