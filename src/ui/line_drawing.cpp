#include "ui/line_drawing.hpp"

#include <cmath>

namespace okr::ui {

void dashed_line(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 colour, float thickness, float dash, float gap)
{
    const float dx = to.x - from.x;
    const float dy = to.y - from.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length <= 0 || dash <= 0)
        return;
    const float ux = dx / length;
    const float uy = dy / length;
    for (float at = 0; at < length; at += dash + gap) {
        const float end = std::fmin(at + dash, length);
        draw->AddLine(ImVec2(from.x + ux * at, from.y + uy * at), ImVec2(from.x + ux * end, from.y + uy * end), colour,
                      thickness);
    }
}

void arrow_head(ImDrawList* draw, ImVec2 from, ImVec2 tip, ImU32 colour, float size)
{
    const float dx = tip.x - from.x;
    const float dy = tip.y - from.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length <= 0)
        return;
    const float ux = dx / length;
    const float uy = dy / length;
    const ImVec2 base(tip.x - ux * size, tip.y - uy * size);
    const float half = size * 0.5f;
    draw->AddTriangleFilled(tip, ImVec2(base.x - uy * half, base.y + ux * half),
                            ImVec2(base.x + uy * half, base.y - ux * half), colour);
}

}  // namespace okr::ui
