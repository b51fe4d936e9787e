#pragma once
// "Cycle report…" from the Export menu: the report of a cycle (core/cycle_report.hpp) as
// Markdown to read, copy or download, and as a print-ready page the browser prints.

#include <cstdint>
#include <optional>
#include <string>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "core/cycle_report.hpp"
#include "ui/theme.hpp"

namespace okr::ui {

class ReportWindow {
public:
    void open(const Id& cycle);
    void draw(const Session& session, Platform& platform, const Fonts& fonts);

private:
    void draw_cycle_picker(const Workspace& workspace);
    void draw_actions(const Workspace& workspace, Platform& platform);
    void refresh(const Session& session);

    bool requested_ = false;
    Id cycle_;
    // The report as last written, and what it was written from.
    std::optional<CycleReport> report_;
    std::string markdown_;
    uint64_t revision_ = 0;
    Id written_cycle_;
    bool written_ = false;
    std::string notice_;
};

}  // namespace okr::ui
