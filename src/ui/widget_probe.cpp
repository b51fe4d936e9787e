#include "ui/widget_probe.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <unordered_map>
#include <vector>

namespace okr::ui {
namespace {

struct ProbedWidget {
    std::string window;
    std::string label;
    ImRect rect;
};

std::vector<ProbedWidget> current_frame;
std::vector<ProbedWidget> last_frame;
// ImGui keeps a window's first title while its "###" id stays; these are the titles shown now.
std::unordered_map<ImGuiID, std::string> shown_titles;

std::string title_of(const ImGuiWindow* window)
{
    if (!window)
        return "";
    const auto shown = shown_titles.find(window->ID);
    return shown != shown_titles.end() ? shown->second : std::string(window->Name);
}

}  // namespace

void set_widget_probe_enabled(bool enabled) { ImGui::GetCurrentContext()->TestEngineHookItems = enabled; }

void widget_probe_new_frame()
{
    last_frame.swap(current_frame);
    current_frame.clear();
}

void widget_probe_note_window_title(const char* title)
{
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (ctx->TestEngineHookItems && ctx->CurrentWindow)
        shown_titles[ctx->CurrentWindow->ID] = title;
}

void widget_probe_note_last_item(const char* label)
{
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (ctx->TestEngineHookItems)
        ImGuiTestEngineHook_ItemInfo(ctx, ctx->LastItemData.ID, label, ctx->LastItemData.StatusFlags);
}

std::string widget_probe_json()
{
    nlohmann::json list = nlohmann::json::array();
    for (const ProbedWidget& w : last_frame) {
        list.push_back({{"window", w.window},
                        {"label", w.label},
                        {"x", w.rect.Min.x},
                        {"y", w.rect.Min.y},
                        {"w", w.rect.GetWidth()},
                        {"h", w.rect.GetHeight()}});
    }
    return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace okr::ui

// ImGui calls these for every item while TestEngineHookItems is set.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID, const char* label, ImGuiItemStatusFlags)
{
    if (!label)
        return;
    // A labelled field reports its frame, not frame and label: that is where a click lands.
    // Only what is visible can be clicked: clip to the window's visible area.
    ImRect rect = ctx->LastItemData.NavRect;
    ImGuiWindow* window = ctx->CurrentWindow;
    if (window && !window->ClipRect.Overlaps(rect))
        return;
    // A new auto-sized window (a popup, a dialog) lays out its first frame unseen, to learn
    // its size: a click aimed there would land on whatever lies beneath.
    if (window && (window->Hidden || (window->RootWindow && window->RootWindow->Hidden)))
        return;
    if (window)
        rect.ClipWith(window->ClipRect);
    okr::ui::current_frame.push_back({okr::ui::title_of(window), label, rect});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
