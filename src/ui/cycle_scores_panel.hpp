#pragma once
// The scoring screen of a cycle (docs/okr-method.md, "Scores at the end of a cycle"): per
// team, every key result with the score the method computes, its grade colour and the
// final score that counts, which a person may override with a note; each objective's
// score; and how the cycle's key results spread over the grade bands. For an active cycle
// it is the preview of what closing will freeze.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "ui/theme.hpp"

namespace okr::ui {

class CycleScoresPanel {
public:
    void draw(Session& session, Platform& platform, const Cycle& cycle, const Fonts& fonts);

private:
    // Derived once per change of the workspace; the pointers live until it changes.
    struct KeyResultScore {
        const KeyResult* key_result = nullptr;
        std::optional<double> computed;  // what the method gives, before any override
        std::optional<double> counts;    // the stored final score, else the computed one
        bool overridden = false;
    };
    struct ObjectiveScore {
        const Objective* objective = nullptr;
        std::optional<double> score;
        bool committed_missed = false;
        std::vector<KeyResultScore> key_results;
    };
    struct TeamScores {
        const Team* team = nullptr;
        std::vector<ObjectiveScore> objectives;
    };
    struct Distribution {
        int red = 0;
        int yellow = 0;
        int green = 0;
        int unscored = 0;
        int total() const { return red + yellow + green + unscored; }
    };
    // What the person types to override one key result's score.
    struct OverrideForm {
        std::string score;
        std::string note;
        std::string error;  // why the last save stored nothing
        bool focus = true;
    };

    void refresh(const Session& session, const Id& cycle);
    void draw_heading(const Cycle& cycle, const Fonts& fonts);
    void draw_distribution(const Fonts& fonts);
    void draw_team(const TeamScores& team, const Cycle& cycle, const Fonts& fonts);
    void draw_objective(const ObjectiveScore& objective, const Cycle& cycle, const Fonts& fonts);
    void draw_key_result(const KeyResultScore& row, const Cycle& cycle);
    void draw_override_form(const KeyResultScore& row);
    void save_override(Session& session, Platform& platform, const Id& key_result);

    std::vector<TeamScores> teams_;
    Distribution distribution_;
    std::optional<uint64_t> revision_;
    Id cycle_;

    std::map<Id, OverrideForm> overrides_;  // the open forms, by KR id
    Id save_requested_;                     // saved after the rows are drawn
};

}  // namespace okr::ui
