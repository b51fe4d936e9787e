#include "ui/storage_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/format.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

constexpr const char* stale_popup = "Changed in another tab###stale";
constexpr const char* released_popup = "This app was updated###released";
constexpr const char* history_popup = "Restore points###history";

// One line naming an entity as the person knows it.
std::string describe(const AnyEntity& entity)
{
    return std::visit(
        [](const auto& e) -> std::string {
            using Entity = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<Entity, Objective>)
                return "Objective \"" + e.title + "\"";
            else if constexpr (std::is_same_v<Entity, KeyResult>)
                return "Key result \"" + e.title + "\"";
            else if constexpr (std::is_same_v<Entity, Task>)
                return "Task \"" + e.title + "\"";
            else if constexpr (std::is_same_v<Entity, Team>)
                return "Team \"" + e.name + "\"";
            else if constexpr (std::is_same_v<Entity, Person>)
                return "Person \"" + e.name + "\"";
            else if constexpr (std::is_same_v<Entity, Cycle>)
                return "Cycle \"" + e.name + "\"";
            else if constexpr (std::is_same_v<Entity, Kpi>)
                return "KPI \"" + e.name + "\"";
            else if constexpr (std::is_same_v<Entity, CheckIn>)
                return "Check-in of " + e.date.to_string() + " on " + e.key_result + " (" + format_number(e.value) + ")";
            else if constexpr (std::is_same_v<Entity, Tombstone>)
                return "Deletion record of " + e.id;
            else
                return std::string(collection_of(AnyEntity(e))) + " " + e.id;
        },
        entity);
}

void centred_modal(const char* id, float width)
{
    ImGui::OpenPopup(id);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(width, ImGui::GetMainViewport()->Size.x - 40), 0), ImGuiCond_Appearing);
}

}  // namespace

void StorageView::open_history(Session& session)
{
    session.refresh_restore_points();
    history_requested_ = true;
}

void StorageView::draw_dialogs(Session& session, Platform& platform, const Fonts& fonts, StorageRequests& requests)
{
    if (session.storage_released())
        draw_released_notice(session, platform, fonts, requests);
    else if (session.deleted_elsewhere())
        draw_deleted_elsewhere(session, fonts, requests);
    else if (session.stale())
        draw_stale_prompt(session, platform, fonts, requests);
    draw_history(session, platform, fonts);
}

// ---- another tab saved first --------------------------------------------------------------

void StorageView::draw_stale_prompt(Session& session, Platform& platform, const Fonts& fonts,
                                    StorageRequests& requests)
{
    centred_modal(stale_popup, 560);
    if (!ImGui::BeginPopupModal(stale_popup, nullptr, ImGuiWindowFlags_NoSavedSettings))
        return;
    const StaleCopy& stale = *session.stale();
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped(stale.already_stored ? "This browser already holds this workspace"
                                            : "This workspace was changed in another tab");
    ImGui::PopFont();
    ImGui::Spacing();
    if (stale.already_stored)
        ImGui::TextWrapped("The file you opened is a copy of \"%s\", which is stored here with changes of its "
                           "own. Neither copy has been overwritten: the file's copy is on this screen, not yet "
                           "stored.",
                           stale.title.c_str());
    else
        ImGui::TextWrapped("Another tab of this app saved the workspace while this tab had edits of its own. "
                           "Your edits here are not lost: they are on this screen, not yet stored.");
    ImGui::Spacing();

    if (!stale.readable) {
        ImGui::TextWrapped("The other tab's copy cannot be read (%s). Export your copy to keep your edits.",
                           stale.title.c_str());
    } else {
        muted_text("Merge both keeps every check-in from both tabs; where both changed the same thing, the "
                   "later change wins. Using the other copy drops your edits from the screen, and Undo "
                   "brings them back.");
    }
    ImGui::Spacing();
    ImGui::BeginDisabled(!stale.readable);
    if (primary_button("Merge both###stale-merge")) {
        session.resolve_stale_by_merging(platform.now());
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(stale.already_stored ? "Use the stored copy###stale-theirs"
                                           : "Use the other tab's copy###stale-theirs")) {
        session.resolve_stale_by_taking_theirs();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Export my copy###stale-export"))
        requests.export_workspace = true;
    ImGui::EndPopup();
}

// ---- deleted in another tab --------------------------------------------------------------------

void StorageView::draw_deleted_elsewhere(Session& session, const Fonts& fonts, StorageRequests& requests)
{
    constexpr const char* popup = "Deleted in another tab###deleted-elsewhere";
    centred_modal(popup, 540);
    if (!ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_NoSavedSettings))
        return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("This workspace was deleted in another tab");
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextWrapped("It is still on this screen, and nothing more is saved until you choose. Keep it here "
                       "stores this copy again, as a workspace of this browser; Close it opens the one saved "
                       "last among the others.");
    ImGui::Spacing();
    if (primary_button("Keep it here###deleted-keep")) {
        session.keep_deleted_workspace();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Export it###deleted-export"))
        requests.export_workspace = true;
    ImGui::SameLine();
    if (ImGui::Button("Close it###deleted-close")) {
        session.close_deleted_workspace();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// ---- a newer version took over -------------------------------------------------------------

void StorageView::draw_released_notice(Session& session, Platform& platform, const Fonts& fonts,
                                       StorageRequests& requests)
{
    centred_modal(released_popup, 520);
    if (!ImGui::BeginPopupModal(released_popup, nullptr, ImGuiWindowFlags_NoSavedSettings))
        return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("A newer version of this app was opened in another tab");
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextWrapped("It needs this browser's storage in its own format, so this tab can no longer save. "
                       "Reload this tab to continue with the new version.");
    if (session.has_workspace()) {
        ImGui::Spacing();
        muted_text("Edits made here since the last save are not stored; export them first if you want to "
                   "keep them, then open the file in the reloaded tab.");
    }
    ImGui::Spacing();
    if (primary_button("Reload this tab###released-reload"))
        platform.reload();
    if (session.has_workspace()) {
        ImGui::SameLine();
        if (ImGui::Button("Export my copy###released-export"))
            requests.export_workspace = true;
    }
    ImGui::EndPopup();
}

// ---- restore points -------------------------------------------------------------------------

void StorageView::draw_history(Session& session, Platform& platform, const Fonts& fonts)
{
    if (history_requested_) {
        ImGui::OpenPopup(history_popup);
        history_requested_ = false;
    }
    const ImVec2 viewport = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowSize(ImVec2(std::min(900.0f, viewport.x - 40), std::min(560.0f, viewport.y - 40)),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(history_popup, nullptr, ImGuiWindowFlags_NoSavedSettings))
        return;

    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Earlier versions of this workspace");
    ImGui::PopFont();
    muted_text("The last 20 saved versions are kept in this browser. Restoring one is a single step "
               "that Undo takes back.");
    ImGui::Spacing();

    const float footer = ImGui::GetFrameHeightWithSpacing() + 8;
    ImGui::BeginChild("history-points", ImVec2(ImGui::GetContentRegionAvail().x * 0.45f, -footer), true);
    draw_point_list(session, platform);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("history-preview", ImVec2(0, -footer), true);
    draw_preview(session, platform);
    ImGui::EndChild();

    const bool can_restore = session.restore_preview() && session.restore_preview()->workspace;
    ImGui::BeginDisabled(!can_restore);
    if (primary_button("Restore this version###history-restore")) {
        session.restore_previewed(platform.now());
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Close###history-close")) {
        session.close_restore_preview();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void StorageView::draw_point_list(Session& session, Platform& platform)
{
    if (session.restore_points_loading()) {
        muted_text("Reading the stored versions…");
        return;
    }
    if (!session.restore_points_error().empty()) {
        ImGui::TextWrapped("The stored versions could not be read: %s", session.restore_points_error().c_str());
        return;
    }
    if (session.restore_points().empty()) {
        muted_text("No earlier versions are stored yet. Each save keeps one.");
        return;
    }
    const std::optional<RestorePreview>& preview = session.restore_preview();
    for (std::size_t i = 0; i < session.restore_points().size(); ++i) {
        const RestorePoint point = session.restore_points()[i];
        const bool chosen = preview && preview->point.first_revision == point.first_revision;
        const std::string label = platform.local_time_text(point.saved_at_ms) + (i == 0 ? "  (now stored)" : "") +
                                  "\n" + point.summary + "###point-" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), chosen, 0, ImVec2(0, ImGui::GetTextLineHeight() * 2 + 4)))
            session.preview_restore_point(point);
    }
}

void StorageView::draw_preview(Session& session, Platform& platform)
{
    const std::optional<RestorePreview>& preview = session.restore_preview();
    if (!preview) {
        muted_text("Pick a version to see what restoring it would change.");
        return;
    }
    ImGui::TextWrapped("Saved %s", platform.local_time_text(preview->point.saved_at_ms).c_str());
    ImGui::TextWrapped("%s", preview->point.summary.c_str());
    ImGui::Separator();
    if (!preview->error.empty()) {
        ImGui::TextWrapped("%s", preview->error.c_str());
        return;
    }
    if (!preview->workspace) {
        muted_text("Reading this version…");
        return;
    }
    const Workspace& then = *preview->workspace;
    ImGui::Text("%zu objectives, %zu key results, %zu check-ins", then.objectives.size(), then.key_results.size(),
                then.check_ins.size());
    const auto& changes = preview->changes.changes;
    if (changes.empty()) {
        muted_text("This version holds the same as what is open now.");
        return;
    }
    ImGui::Text("Restoring it would change %zu %s:", changes.size(), changes.size() == 1 ? "thing" : "things");
    for (const Change& change : changes) {
        const char* verb = !change.before ? "Brings back" : !change.after ? "Removes" : "Changes back";
        const AnyEntity& entity = change.before ? *change.before : *change.after;
        ImGui::BulletText("%s %s", verb, describe(entity).c_str());
    }
}

// ---- vanished data, loading, persistence ------------------------------------------------------

void StorageView::draw_data_gone(Session& session, Platform& platform, const Fonts& fonts, StorageRequests& requests)
{
    const float width = std::min(600.0f, ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - width) * 0.5f, ImGui::GetCursorPosY() + 70));
    ImGui::BeginGroup();
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("The workspace stored here is gone");
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextWrapped("This browser held a workspace the last time, and its storage is empty now. Browsers "
                       "remove stored data when someone clears site data, when disk space runs low, or in "
                       "private windows.");
    ImGui::Spacing();
    if (session.restore_points_loading())
        muted_text("Looking for earlier versions…");
    else if (!session.restore_points().empty())
        ImGui::TextWrapped("%zu earlier versions were kept and can be restored.", session.restore_points().size());
    else
        ImGui::TextWrapped("No earlier versions are left in this browser. If you or a teammate exported the "
                           "workspace, open that file to carry on.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Spacing();

    if (!session.restore_points().empty()) {
        if (primary_button("Restore an earlier version###gone-restore", 220, 40)) {
            history_requested_ = true;
        }
        ImGui::SameLine();
    }
    const bool open_first = session.restore_points().empty();
    if (open_first ? primary_button("Open an exported file###gone-open", 220, 40)
                   : ImGui::Button("Open an exported file###gone-open", ImVec2(220, 40)))
        requests.open_file = true;
    ImGui::SameLine();
    if (ImGui::Button("Start anew###gone-new", ImVec2(160, 40)))
        requests.start_new = true;
    ImGui::EndGroup();
    (void)platform;
}

void StorageView::draw_loading_notice(const Session& session) const
{
    if (session.storage_notice().empty())
        return;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour::warning_bg);
    ImGui::BeginChild("storage-notice", ImVec2(0, 60), true);
    ImGui::TextWrapped("%s", session.storage_notice().c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void StorageView::draw_persistence(const Session& session) const
{
    if (session.save_status() != SaveStatus::saved || session.persistence() == Persistence::unknown)
        return;

    ImGui::SameLine();
    if (session.persistence() == Persistence::granted) {
        muted_text("(kept by the browser)");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("This browser has promised to keep the stored data even when disk space runs low.\n"
                              "Only clearing this site's data removes it.");
        return;
    }
    muted_text("(may be cleared)");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("This browser has not promised to keep the stored data when disk space runs low.\n"
                          "Export the workspace now and then to keep a copy of your own.");
}

}  // namespace okr::ui
