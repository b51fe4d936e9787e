// The kr-activity heuristic of the coach: does a KR title read as work to do rather than
// a result to reach? "Hold 10 client check-ins" is a task; "Increase client retention
// from 78% to 90%" is a key result. The test table in tests/core/coach_test.cpp holds
// the titles this was tuned on.

#include <algorithm>
#include <iterator>
#include <cctype>
#include <string>
#include <vector>

#include "core/coach.hpp"

namespace okr {
namespace {

// Verbs that open a description of work. An outcome is a state of the world ("retention
// at 90%"); these name something a team does, however often it does it.
constexpr std::string_view activity_verbs[] = {
    "arrange",  "attend",  "build",   "call",     "complete", "conduct",  "create",   "deliver",
    "deploy",   "design",  "develop", "do",       "document", "draft",    "email",    "finish",
    "give",     "hold",    "host",    "implement", "install", "interview", "introduce", "launch",
    "make",     "meet",    "organise", "organize", "perform", "plan",     "post",     "prepare",
    "present",  "produce", "publish", "release",  "roll",     "run",      "schedule", "send",
    "set",      "ship",    "start",   "submit",   "visit",    "write"};

// Words that may precede the verb without changing what the title says.
constexpr std::string_view lead_in_words[] = {"we", "will", "to", "successfully", "i"};

// Verbs of change and measures: a title that holds one names the result it expects.
constexpr std::string_view outcome_words[] = {
    "increase", "increases", "reduce", "reduces", "lift", "lifts",  "grow",
    "grows",    "raise",     "raises", "cut",     "cuts", "decrease", "decreases",
    "improve",  "lower",     "boost",  "double",  "halve", "rate",  "ratio"};

template <size_t N>
bool is_one_of(std::string_view word, const std::string_view (&words)[N])
{
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// Lower-case words, split at anything but letters, digits and the decimal point inside
// a number ("0.4" stays one word, "check-ins" becomes two).
std::vector<std::string> words_of(std::string_view title)
{
    std::vector<std::string> words;
    std::string word;
    for (size_t i = 0; i < title.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(title[i]);
        const bool decimal_point = (c == '.' || c == ',') && !word.empty() &&
                                   std::isdigit(static_cast<unsigned char>(word.back())) && i + 1 < title.size() &&
                                   std::isdigit(static_cast<unsigned char>(title[i + 1]));
        if (std::isalnum(c) || c >= 0x80 || decimal_point) {
            word += static_cast<char>(std::tolower(c));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

bool is_number(const std::string& word)
{
    return !word.empty() && std::isdigit(static_cast<unsigned char>(word.front()));
}

bool opens_with_activity_verb(const std::vector<std::string>& words)
{
    const auto first = std::find_if(words.begin(), words.end(),
                                     [](const std::string& w) { return !is_one_of(w, lead_in_words); });
    return first != words.end() && is_one_of(*first, activity_verbs);
}

// "from 78% to 90%", "from 4 hours to 45 minutes": a baseline and a target in the title.
bool names_a_range(const std::vector<std::string>& words)
{
    for (size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i] != "from" || !is_number(words[i + 1]))
            continue;
        for (size_t j = i + 2; j + 1 < words.size(); ++j)
            if (words[j] == "to" && is_number(words[j + 1]))
                return true;
    }
    return false;
}

bool names_an_outcome(std::string_view title, const std::vector<std::string>& words)
{
    if (title.find('%') != std::string_view::npos)
        return true;
    const bool measure_word = std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return is_one_of(w, outcome_words) || w == "percent";
    });
    return measure_word || names_a_range(words);
}

}  // namespace

bool reads_as_activity(std::string_view title)
{
    const std::vector<std::string> words = words_of(title);
    return opens_with_activity_verb(words) && !names_an_outcome(title, words);
}

}  // namespace okr
