#pragma once
// What the person sees of storage itself: the prompt when another tab saved first, the
// notice when a newer version of the app took the storage over, the restore points, the
// screen shown when stored data has vanished, and whether the browser keeps the data.

#include "app/platform.hpp"
#include "app/session.hpp"
#include "ui/theme.hpp"

namespace okr::ui {

// What the person asked for in a storage view that the page as a whole carries out.
struct StorageRequests {
    bool export_workspace = false;
    bool open_file = false;
    bool load_example = false;
    bool start_new = false;
};

class StorageView {
public:
    void open_history(Session& session);

    void draw_dialogs(Session& session, Platform& platform, const Fonts& fonts, StorageRequests& requests);
    void draw_data_gone(Session& session, Platform& platform, const Fonts& fonts, StorageRequests& requests);
    void draw_loading_notice(const Session& session) const;
    // Beside the save status: whether the browser promised to keep the data.
    void draw_persistence(const Session& session) const;

private:
    void draw_stale_prompt(Session& session, Platform& platform, const Fonts& fonts, StorageRequests& requests);
    void draw_released_notice(Session& session, Platform& platform, const Fonts& fonts, StorageRequests& requests);
    void draw_deleted_elsewhere(Session& session, const Fonts& fonts, StorageRequests& requests);
    void draw_history(Session& session, Platform& platform, const Fonts& fonts);
    void draw_point_list(Session& session, Platform& platform);
    void draw_preview(Session& session, Platform& platform);

    bool history_requested_ = false;
};

}  // namespace okr::ui
