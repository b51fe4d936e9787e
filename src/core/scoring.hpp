#pragma once
// Scores at the end of a cycle (docs/okr-method.md, "Scores at the end of a cycle"):
// final KR scores, grade bands, missed commitments and the signals a team's history gives.
// Decisions the method leaves open are written down in docs/method-decisions.md.

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace okr {

// The overloads taking a ProgressIndex (core/progress_index.hpp) answer the same as those
// taking the workspace, without scanning it per KR: for code that asks about many.
class ProgressIndex;

enum class Grade { red, yellow, green };
const char* to_string(Grade grade);

// Half away from zero, to one decimal: 0.75 -> 0.8, 0.649 -> 0.6.
double round_to_tenth(double value);

// Grade of a score, judged on its one-decimal value: red < 0.4 <= yellow < 0.7 <= green.
Grade grade_of(double score);

// The score the KR earns when its cycle closes, before any override: progress at the
// last effective check-in on or before the deadline (no check-in: progress of the
// baseline); for at_least/at_most the share of the cycle's check-ins (cycle start to
// deadline) in which the condition held, 0 without any. Rounded to one decimal. Null
// for a KR that cannot be measured.
std::optional<double> computed_final_score(const Workspace& workspace, const KeyResult& key_result);
std::optional<double> computed_final_score(const ProgressIndex& index, const KeyResult& key_result);

// The score that counts: the stored final_score (frozen at close, or a person's
// override) when set, else the computed one.
std::optional<double> final_score(const Workspace& workspace, const KeyResult& key_result);
std::optional<double> final_score(const ProgressIndex& index, const KeyResult& key_result);

// A person's judgement, kept with its reason: a final score with a note.
bool score_overridden(const KeyResult& key_result);

// Weighted mean of the objective's KR final scores (weights as for progress), not
// rounded; null when no KR has a score.
std::optional<double> objective_final_score(const Workspace& workspace, const Objective& objective);
std::optional<double> objective_final_score(const ProgressIndex& index, const Objective& objective);

// "committed OKR missed": a committed objective of a closed cycle whose final score is
// below 1.0.
bool committed_okr_missed(const Workspace& workspace, const Objective& objective);
bool committed_okr_missed(const ProgressIndex& index, const Objective& objective);

// Signals from a team's closed cycles.
enum class TeamSignalKind { targets_too_easy, structural_problem };

struct TeamSignal {
    Id team;
    TeamSignalKind kind;
    double average = 0;  // mean final score of the team's objectives in those cycles
    int cycles = 0;      // closed cycles in which the team had a scored objective
    std::string message;
};

// Both signals need at least this many closed cycles: one quarter is noise, and the
// guide speaks of teams that "consistently" score high or low.
inline constexpr int min_cycles_for_team_signal = 2;
inline constexpr double too_easy_average = 0.95;
inline constexpr double structural_average = 0.4;

// One signal at most per team, in team id order.
std::vector<TeamSignal> team_signals(const Workspace& workspace);

}  // namespace okr
