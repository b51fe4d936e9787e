#include "ui/alignment_map.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/progress.hpp"
#include "ui/format.hpp"
#include "ui/line_drawing.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

constexpr float min_zoom = 0.01f;  // a few hundred objectives fit in view
constexpr float max_zoom = 2.5f;
constexpr float wheel_step = 1.15f;
constexpr float button_step = 1.25f;
constexpr float fit_margin = 24.0f;
constexpr float stripe_width = 6.0f;
constexpr float text_zoom = 0.45f;      // below this, cards are drawn without words
constexpr float readable_zoom = 0.5f;   // Fit goes no smaller

struct ScreenRect {
    ImVec2 min;
    ImVec2 max;
    bool overlaps(const ImVec2& a, const ImVec2& b) const
    {
        return a.x <= max.x && b.x >= min.x && a.y <= max.y && b.y >= min.y;
    }
};

ImVec2 bezier_point(ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, float t)
{
    const float u = 1 - t;
    const float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
    return ImVec2(a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y);
}

// A curve drawn in dashes: its points sampled, the dashes laid along them.
void dashed_curve(ImDrawList* draw, ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, ImU32 colour, float thickness,
                  float dash)
{
    constexpr int samples = 24;
    ImVec2 previous = p0;
    float run = 0;
    bool on = true;
    for (int i = 1; i <= samples; ++i) {
        const ImVec2 next = bezier_point(p0, p1, p2, p3, static_cast<float>(i) / samples);
        if (on)
            draw->AddLine(previous, next, colour, thickness);
        run += std::hypot(next.x - previous.x, next.y - previous.y);
        if (run >= dash) {
            on = !on;
            run = 0;
        }
        previous = next;
    }
}

}  // namespace

ImVec2 AlignmentMap::Canvas::to_screen(const AlignmentMap& map, double x, double y) const
{
    return ImVec2(min.x + map.offset_.x + static_cast<float>(x) * map.zoom_,
                  min.y + map.offset_.y + static_cast<float>(y) * map.zoom_);
}

void AlignmentMap::draw(const Workspace& workspace, const Insights& insights, ViewState& view, const Fonts& fonts)
{
    const Cycle* cycle = find_by_id(workspace.cycles, view.cycle);
    if (&workspace != workspace_ || insights.generation() != generation_ || view.cycle != cycle_) {
        if (view.cycle != cycle_)
            fit_pending_ = true;
        rebuild(workspace, insights, view.cycle);
    }
    if (!cycle || layout_.nodes.empty()) {
        cards_drawn_ = 0;
        draw_empty(workspace, view, cycle, fonts);
        return;
    }
    draw_toolbar(*cycle, fonts);
    draw_canvas(workspace, view, fonts);
}

void AlignmentMap::rebuild(const Workspace& workspace, const Insights& insights, const Id& cycle)
{
    workspace_ = &workspace;
    generation_ = insights.generation();
    cycle_ = cycle;
    layout_ = alignment_layout(workspace, cycle, metrics_);

    const Cycle* shown = find_by_id(workspace.cycles, cycle);
    const bool closed = shown && shown->state == CycleState::closed;
    cards_.assign(layout_.nodes.size(), Card{});
    for (size_t i = 0; i < layout_.nodes.size(); ++i) {
        const Objective& objective = *layout_.nodes[i].objective;
        Card& card = cards_[i];
        if (const ObjectiveInsight* insight = insights.objective(objective.id))
            card.progress = closed ? insight->final_score : insight->progress;
        for (const KeyResult* kr : key_results_of(workspace, objective.id)) {
            ++card.key_results;
            const KeyResultInsight* kr_insight = insights.key_result(kr->id);
            // The statuses run from on track to off track: the card shows the worst.
            if (kr_insight && kr_insight->status && (!card.status || *kr_insight->status > *card.status))
                card.status = kr_insight->status;
        }
        if (objective.parent)
            if (const Objective* parent = find_by_id(workspace.objectives, *objective.parent))
                card.parent_title = parent->title;
    }
}

void AlignmentMap::draw_empty(const Workspace& workspace, ViewState& view, const Cycle* cycle, const Fonts& fonts)
{
    ImGui::Spacing();
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Alignment map");
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 560);
    if (workspace.cycles.empty())
        ImGui::TextWrapped("This workspace has no cycles yet. Create a cycle and write its objectives in the "
                           "cascade; the map then shows how they align across teams.");
    else
        ImGui::TextWrapped("%s has no objectives yet. Write them in the cascade, or choose another cycle above; "
                           "the map then shows how the teams' objectives align to the company's.",
                           cycle ? cycle->name.c_str() : "This cycle");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (primary_button("Open the cascade###map-empty-cascade"))
        view.screen = Screen::cascade;
}

void AlignmentMap::draw_toolbar(const Cycle& cycle, const Fonts& fonts)
{
    ImGui::PushFont(fonts.heading);
    ImGui::Text("Alignment in %s", cycle.name.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 16);
    const int objectives = static_cast<int>(layout_.nodes.size());
    muted_text((std::to_string(objectives) + (objectives == 1 ? " objective" : " objectives") + " in " +
                std::to_string(layout_.teams.size()) + (layout_.teams.size() == 1 ? " team" : " teams"))
                   .c_str());
    if (layout_.unaligned > 0) {
        const std::string count = std::to_string(layout_.unaligned) + " not aligned";
        badge(count.c_str(), colour::yellow);
        widget_probe_note_last_item((count + "###map-unaligned-count").c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Objectives with no parent while their parent team has objectives in %s: "
                              "connect them upward or cut them.",
                              cycle.name.c_str());
    }

    // Right-aligned: colouring, then zoom.
    const float controls = 430;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - controls));
    muted_text("Colour by");
    ImGui::SameLine();
    const auto choice = [&](const char* label, Colouring colouring) {
        const bool current = colouring_ == colouring;
        if (current ? primary_button(label) : ImGui::Button(label))
            colouring_ = colouring;
        ImGui::SameLine(0, 4);
    };
    choice("Grade###map-colour-grade", Colouring::grade);
    choice("Confidence###map-colour-confidence", Colouring::confidence);
    ImGui::SameLine(0, 18);
    const ImVec2 centre(canvas_size_.x * 0.5f, canvas_size_.y * 0.5f);
    if (ImGui::Button("-###map-zoom-out", ImVec2(28, 0)))
        zoom_around(centre, 1 / button_step);
    ImGui::SameLine(0, 4);
    ImGui::Text("%d%%", static_cast<int>(std::lround(zoom_ * 100)));
    ImGui::SameLine(0, 4);
    if (ImGui::Button("+###map-zoom-in", ImVec2(28, 0)))
        zoom_around(centre, button_step);
    ImGui::SameLine(0, 4);
    if (ImGui::Button("Fit###map-fit"))
        fit_pending_ = true;

    draw_legend();
}

void AlignmentMap::draw_legend()
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto swatch = [&](ImU32 tone, const char* name) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        draw->AddRectFilled(ImVec2(at.x, at.y + 3), ImVec2(at.x + 10, at.y + h - 3), tone, 2);
        ImGui::Dummy(ImVec2(12, h));
        ImGui::SameLine(0, 4);
        muted_text(name);
        ImGui::SameLine(0, 14);
    };
    const auto line_sample = [&](bool dashed, const char* name) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float mid = at.y + ImGui::GetTextLineHeight() * 0.5f;
        const ImU32 tone = dashed ? colour::accent : colour::muted_text;
        if (dashed)
            dashed_line(draw, ImVec2(at.x, mid), ImVec2(at.x + 22, mid), tone, 1.5f, 5, 3);
        else
            draw->AddLine(ImVec2(at.x, mid), ImVec2(at.x + 22, mid), tone, 1.5f);
        arrow_head(draw, ImVec2(at.x, mid), ImVec2(at.x + 28, mid), tone, 7);
        ImGui::Dummy(ImVec2(30, ImGui::GetTextLineHeight()));
        ImGui::SameLine(0, 4);
        muted_text(name);
        ImGui::SameLine(0, 14);
    };
    if (colouring_ == Colouring::grade) {
        swatch(colour::green, "0.7 and up");
        swatch(colour::yellow, "0.4 to 0.7");
        swatch(colour::red, "below 0.4");
        swatch(colour::muted_text, "no score");
    } else {
        swatch(colour::green, "on track");
        swatch(colour::yellow, "at risk");
        swatch(colour::red, "off track");
        swatch(colour::muted_text, "no check-in");
    }
    ImGui::SameLine(0, 10);
    line_sample(false, "aligns to");
    line_sample(true, "depends on");
    badge("not aligned", colour::yellow, false);
    ImGui::SameLine(0, 14);
    muted_text(colouring_ == Colouring::grade ? "Drag to pan, wheel to zoom, click a card to open it."
                                              : "A card shows its least confident key result. Click to open it.");
}

ImU32 AlignmentMap::card_colour(const Card& card) const
{
    if (colouring_ == Colouring::grade)
        return card.progress ? grade_colour(*card.progress) : colour::muted_text;
    return card.status ? status_colour(*card.status) : colour::muted_text;
}

void AlignmentMap::draw_canvas(const Workspace& workspace, ViewState& view, const Fonts& fonts)
{
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour::card);
    ImGui::BeginChild("map-canvas", ImVec2(0, 0), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
    Canvas canvas;
    canvas.min = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    canvas.max = ImVec2(canvas.min.x + size.x, canvas.min.y + size.y);
    canvas_size_ = size;
    if (fit_pending_)
        fit(canvas);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(canvas.min, canvas.max, true);
    draw_bands(canvas, fonts);
    draw_edges(canvas);
    std::optional<int> clicked;
    const std::optional<int> hovered = draw_cards(canvas, fonts, clicked);
    draw->PopClipRect();

    // The background takes the drags and the wheel; the cards were submitted first, so
    // they keep their own hover and clicks.
    ImGui::SetCursorScreenPos(canvas.min);
    ImGui::InvisibleButton("###map-canvas", ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
    widget_probe_note_last_item("###map-canvas");
    handle_pan_and_zoom(canvas);

    if (hovered && !ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        draw_card_tooltip(*hovered);
    if (clicked)
        go_to(view, workspace, "objectives", layout_.nodes[static_cast<size_t>(*clicked)].objective->id);
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// Each level's band runs the width of the canvas; each team is a soft panel in it, its
// name above its cards.
void AlignmentMap::draw_bands(const Canvas& canvas, const Fonts& fonts)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ScreenRect visible{canvas.min, canvas.max};
    for (size_t i = 0; i < layout_.bands.size(); ++i) {
        const MapBand& band = layout_.bands[i];
        const float top = canvas.to_screen(*this, 0, band.top).y;
        const float bottom = canvas.to_screen(*this, 0, band.top + band.height).y;
        if (!visible.overlaps(ImVec2(canvas.min.x, top), ImVec2(canvas.max.x, bottom)))
            continue;
        if (i % 2 == 1)
            draw->AddRectFilled(ImVec2(canvas.min.x, top), ImVec2(canvas.max.x, bottom), soft(colour::card_border));
    }
    const float inset = 10 * zoom_;
    const float size = fonts.heading->FontSize * std::clamp(zoom_, 0.6f, 1.0f);
    for (const MapTeam& team : layout_.teams) {
        const MapBand& band = layout_.bands[static_cast<size_t>(team.band)];
        const ImVec2 min = canvas.to_screen(*this, team.left, band.top + 4);
        const ImVec2 max = canvas.to_screen(*this, team.right, band.top + band.height - 8);
        const ImVec2 panel_min(min.x - inset, min.y);
        const ImVec2 panel_max(max.x + inset, max.y);
        if (!visible.overlaps(panel_min, panel_max))
            continue;
        draw->AddRectFilled(panel_min, panel_max, colour::card, 10 * zoom_);
        draw->AddRect(panel_min, panel_max, colour::card_border, 10 * zoom_);
        if (panel_max.x - panel_min.x < 60)
            continue;  // too small to name at this zoom
        const ImVec4 clip(panel_min.x, panel_min.y, panel_max.x - inset, panel_max.y);
        draw->AddText(fonts.heading, size, ImVec2(min.x, min.y + 6 * zoom_), colour::muted_text, team.name.c_str(),
                      nullptr, 0, &clip);
    }
}

// Parent lines run from a card's top to the bottom of the card it aligns to; dependencies
// leave from the card's right part, dashed, so the two never share a path.
void AlignmentMap::draw_edges(const Canvas& canvas)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ScreenRect visible{canvas.min, canvas.max};
    const float w = static_cast<float>(metrics_.node_width) * zoom_;
    const float h = static_cast<float>(metrics_.node_height) * zoom_;
    const float arrow = std::max(5.0f, 9.0f * zoom_);
    for (const MapEdge& edge : layout_.edges) {
        const MapNode& from = layout_.nodes[static_cast<size_t>(edge.from)];
        const MapNode& to = layout_.nodes[static_cast<size_t>(edge.to)];
        const ImVec2 a = canvas.to_screen(*this, from.x, from.y);
        const ImVec2 b = canvas.to_screen(*this, to.x, to.y);
        const bool dependency = edge.kind == MapEdgeKind::dependency;
        const float share = dependency ? 0.72f : 0.5f;
        ImVec2 p0, p3, p1, p2;
        if (from.band == to.band) {
            // Side by side: an arc over the band from one card's top to the other's.
            p0 = ImVec2(a.x + w * share, a.y);
            p3 = ImVec2(b.x + w * (1 - share), b.y);
            // High enough to clear the team names above the cards.
            const float lift = static_cast<float>(metrics_.band_header + 30) * zoom_;
            p1 = ImVec2(p0.x, p0.y - lift);
            p2 = ImVec2(p3.x, p3.y - lift);
        } else {
            const bool upward = b.y < a.y;
            p0 = ImVec2(a.x + w * share, upward ? a.y : a.y + h);
            p3 = ImVec2(b.x + w * (dependency ? 1 - share : 0.5f), upward ? b.y + h : b.y);
            const float bend = (p3.y - p0.y) * 0.5f;
            p1 = ImVec2(p0.x, p0.y + bend);
            p2 = ImVec2(p3.x, p3.y - bend);
        }
        const ImVec2 low(std::min({p0.x, p1.x, p2.x, p3.x}), std::min({p0.y, p1.y, p2.y, p3.y}));
        const ImVec2 high(std::max({p0.x, p1.x, p2.x, p3.x}), std::max({p0.y, p1.y, p2.y, p3.y}));
        if (!visible.overlaps(low, high))
            continue;
        const ImU32 tone = dependency ? colour::accent : colour::muted_text;
        const ImVec2 before_tip = bezier_point(p0, p1, p2, p3, 0.9f);
        if (dependency)
            dashed_curve(draw, p0, p1, p2, p3, tone, 1.5f, std::max(4.0f, 7.0f * zoom_));
        else
            draw->AddBezierCubic(p0, p1, p2, p3, tone, 1.5f);
        arrow_head(draw, before_tip, p3, tone, arrow);
    }
}

// Submits an invisible button per visible card (for the pointer and the tests), draws the
// card, and says which one the pointer is over and which one was clicked.
std::optional<int> AlignmentMap::draw_cards(const Canvas& canvas, const Fonts& fonts, std::optional<int>& clicked)
{
    const ScreenRect visible{canvas.min, canvas.max};
    const ImVec2 size(static_cast<float>(metrics_.node_width) * zoom_, static_cast<float>(metrics_.node_height) * zoom_);
    std::optional<int> hovered;
    cards_drawn_ = 0;
    for (size_t i = 0; i < layout_.nodes.size(); ++i) {
        const MapNode& node = layout_.nodes[i];
        const ImVec2 min = canvas.to_screen(*this, node.x, node.y);
        const ImVec2 max(min.x + size.x, min.y + size.y);
        if (!visible.overlaps(min, max))
            continue;
        ++cards_drawn_;
        ImGui::SetCursorScreenPos(min);
        const std::string id = "###map-node-" + node.objective->id;
        const bool released = ImGui::InvisibleButton(id.c_str(), size);
        widget_probe_note_last_item(id.c_str());
        const bool is_hovered = ImGui::IsItemHovered();
        if (is_hovered)
            hovered = static_cast<int>(i);
        // A drag that started on a card pans the map; only a click opens the objective.
        const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
        if (released && std::hypot(drag.x, drag.y) < 4.0f)
            clicked = static_cast<int>(i);
        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f)) {
            offset_.x += ImGui::GetIO().MouseDelta.x;
            offset_.y += ImGui::GetIO().MouseDelta.y;
        }
        draw_card(canvas, static_cast<int>(i), is_hovered, fonts);
    }
    return hovered;
}

void AlignmentMap::draw_card(const Canvas& canvas, int index, bool hovered, const Fonts& fonts)
{
    const MapNode& node = layout_.nodes[static_cast<size_t>(index)];
    const Card& card = cards_[static_cast<size_t>(index)];
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min = canvas.to_screen(*this, node.x, node.y);
    const ImVec2 max(min.x + static_cast<float>(metrics_.node_width) * zoom_,
                     min.y + static_cast<float>(metrics_.node_height) * zoom_);
    const float rounding = 8 * zoom_;
    const ImU32 tone = card_colour(card);

    draw->AddRectFilled(min, max, colour::card, rounding);
    draw->AddRectFilled(min, ImVec2(min.x + stripe_width * zoom_, max.y), tone, rounding, ImDrawFlags_RoundCornersLeft);
    const ImU32 outline = node.unaligned ? colour::yellow : (hovered ? colour::accent : colour::card_border);
    draw->AddRect(min, max, outline, rounding, 0, node.unaligned || hovered ? 2.0f : 1.0f);
    if (zoom_ < text_zoom)
        return;

    const float pad = 12 * zoom_;
    const float text_size = fonts.body->FontSize * zoom_;
    const float small_size = fonts.small->FontSize * zoom_;
    const float text_left = min.x + stripe_width * zoom_ + pad * 0.8f;
    const float text_width = max.x - text_left - pad * 0.6f;
    // The title in at most two lines; the figures on the line below.
    const ImVec4 title_clip(text_left, min.y, max.x - pad * 0.5f, min.y + pad * 0.6f + text_size * 2.3f);
    draw->AddText(fonts.body, text_size, ImVec2(text_left, min.y + pad * 0.6f), colour::text,
                  node.objective->title.c_str(), nullptr, text_width, &title_clip);

    std::string figures = card.progress ? format_percent(*card.progress) : std::string("no score");
    figures += "  ·  " + std::to_string(card.key_results) + (card.key_results == 1 ? " KR" : " KRs");
    if (colouring_ == Colouring::confidence)
        figures += "  ·  " + std::string(card.status ? status_words(*card.status) : "no check-in");
    const float figures_y = max.y - pad * 0.5f - small_size;
    draw->AddText(fonts.small, small_size, ImVec2(text_left, figures_y), colour::muted_text, figures.c_str());

    if (node.unaligned) {
        const char* mark = "not aligned";
        const ImVec2 mark_size = fonts.small->CalcTextSizeA(small_size, 1e9f, 0, mark);
        const ImVec2 mark_min(max.x - mark_size.x - pad, figures_y - 1);
        const ImVec2 mark_max(max.x - pad * 0.4f, figures_y + mark_size.y + 1);
        draw->AddRectFilled(ImVec2(mark_min.x - 4 * zoom_, mark_min.y), mark_max, soft(colour::yellow), mark_size.y);
        draw->AddText(fonts.small, small_size, ImVec2(mark_min.x + 2 * zoom_, figures_y), colour::text, mark);
    }
}

void AlignmentMap::draw_card_tooltip(int index)
{
    const MapNode& node = layout_.nodes[static_cast<size_t>(index)];
    const Card& card = cards_[static_cast<size_t>(index)];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(320);
    ImGui::TextUnformatted(node.objective->title.c_str());
    muted_text(layout_.teams[static_cast<size_t>(node.team)].name.c_str());
    ImGui::Text("Progress %s  ·  %d %s", card.progress ? format_percent(*card.progress).c_str() : "none yet",
                card.key_results, card.key_results == 1 ? "key result" : "key results");
    ImGui::Text("Confidence: %s", card.status ? status_words(*card.status) : "no check-in yet");
    if (!card.parent_title.empty())
        ImGui::Text("Aligns to: %s", card.parent_title.c_str());
    else if (node.unaligned)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::yellow),
                           "Not aligned: its parent team has objectives to connect it to.");
    for (const MapEdge& edge : layout_.edges)
        if (edge.kind == MapEdgeKind::dependency && (edge.from == index || edge.to == index)) {
            const bool needs = edge.from == index;
            const Objective& other = *layout_.nodes[static_cast<size_t>(needs ? edge.to : edge.from)].objective;
            ImGui::Text("%s %s%s%s", needs ? "Needs" : "Needed by", other.title.c_str(), edge.note.empty() ? "" : ": ",
                        edge.note.c_str());
        }
    muted_text("Click to open it in the cascade.");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void AlignmentMap::handle_pan_and_zoom(const Canvas& canvas)
{
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
        offset_.x += io.MouseDelta.x;
        offset_.y += io.MouseDelta.y;
    }
    const bool over = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                      ImGui::IsMouseHoveringRect(canvas.min, canvas.max);
    if (over && io.MouseWheel != 0)
        zoom_around(ImVec2(io.MousePos.x - canvas.min.x, io.MousePos.y - canvas.min.y),
                    std::pow(wheel_step, io.MouseWheel));
}

// `point` is relative to the canvas's top left: the map point under it stays under it.
void AlignmentMap::zoom_around(ImVec2 point, float factor)
{
    const float zoom = std::clamp(zoom_ * factor, min_zoom, max_zoom);
    const float map_x = (point.x - offset_.x) / zoom_;
    const float map_y = (point.y - offset_.y) / zoom_;
    zoom_ = zoom;
    offset_ = ImVec2(point.x - map_x * zoom_, point.y - map_y * zoom_);
}

// The whole map in view, centred across, from the top; never blown up past full size. A
// map too wide to read whole (hundreds of objectives) opens at a readable size over the
// company's first objective instead, and the wheel zooms out to all of it.
void AlignmentMap::fit(const Canvas& canvas)
{
    fit_pending_ = false;
    const float width = canvas.max.x - canvas.min.x - fit_margin * 2;
    const float height = canvas.max.y - canvas.min.y - fit_margin * 2;
    const float across = width / static_cast<float>(std::max(1.0, layout_.width));
    const float down = height / static_cast<float>(std::max(1.0, layout_.height));
    zoom_ = std::clamp(std::min({across, down, 1.0f}), readable_zoom, max_zoom);

    // Spread over children's teams, the company's objectives may lie far apart: the view
    // opens on the first of them.
    const bool whole = static_cast<float>(layout_.width) * zoom_ <= width;
    const MapNode& first = layout_.nodes.front();  // band 0, the company's
    const float centre = static_cast<float>(whole ? layout_.width * 0.5 : first.x + metrics_.node_width * 0.5);
    offset_ = ImVec2(fit_margin + width * 0.5f - centre * zoom_, fit_margin);
}

}  // namespace okr::ui
