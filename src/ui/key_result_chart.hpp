#pragma once
// A key result over its cycle, drawn with ImGui's draw list: the readings against the
// expected line (baseline at the cycle's start to target at the deadline, docs/okr-method.md
// "During a cycle"), the target, today, the forecast's projection, and under it the
// owner's confidence over time coloured by status.

#include <string>

#include "app/insights.hpp"
#include "core/model.hpp"
#include "ui/theme.hpp"

namespace okr::ui {

class KeyResultChart {
public:
    void draw(const Workspace& workspace, const KeyResult& kr, const KeyResultInsight& insight, Date today,
              const Fonts& fonts);
    // What the hovered point's tooltip says, empty when no point is hovered.
    const std::string& hovered_text() const { return hovered_text_; }

private:
    std::string hovered_text_;
};

}  // namespace okr::ui
