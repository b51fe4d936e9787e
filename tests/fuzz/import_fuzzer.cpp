// libFuzzer target: any bytes through the importer. Beyond "no crash, no sanitizer
// report", it checks the importer's promises: an accepted file exports to text that
// imports again without refusal and exports to the same bytes.

#include <cstdint>
#include <string_view>

#include "core/export.hpp"
#include "core/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const okr::ImportResult result = okr::import_workspace(bytes);
    if (result.refused())
        return 0;

    const std::string text = okr::export_workspace(*result.workspace);
    const okr::ImportResult again = okr::import_workspace(text);
    if (again.refused() || okr::export_workspace(*again.workspace) != text)
        __builtin_trap();
    return 0;
}
