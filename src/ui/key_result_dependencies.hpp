#pragma once
// The dependencies that touch the open key result or its objective: what it needs, what
// needs it, each with its note; adding one to another objective or KR, removing one.

#include <string>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "ui/theme.hpp"

namespace okr::ui {

class DependencyList {
public:
    void draw(Session& session, Platform& platform, const KeyResult& kr, const Fonts& fonts);

private:
    void draw_list(Session& session, Platform& platform, const KeyResult& kr, bool needs, bool editable,
                   const Fonts& fonts);
    void draw_new_dependency(Session& session, Platform& platform, const KeyResult& kr);
    void draw_target_picker(const Workspace& workspace, const KeyResult& kr);
    void add(Session& session, Platform& platform, const KeyResult& kr);

    Id key_result_;      // the KR the fields below were filled for
    bool from_objective_ = false;  // the new dependency is the objective's, not the KR's
    Id target_;
    std::string note_;
    std::string error_;
};

}  // namespace okr::ui
