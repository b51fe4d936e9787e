#!/usr/bin/env bash
# git merges OKR files cleanly through `okr merge-driver`, and only through it: two
# branches add check-ins at the same place and retitle the same key result. Without the
# driver git stops on a conflict; with it the merge is clean and keeps both check-ins and
# the newer title. Then a side that is not an OKR file, and a file both branches added.
#
# usage: git_merge_driver_test.sh OKR EXAMPLES_DIR    (ctest passes both)
# Prints each check; exits 1 if any failed, 77 (skipped) without git, python3 or OKR.

set -u

# 77 tells ctest the test was skipped rather than passed.
for tool in git python3; do
    command -v "$tool" > /dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
[ -x "$1" ] || { echo "SKIP: $1 is not built"; exit 77; }

okr=$(realpath "$1")
examples=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Only this test's configuration counts, not the machine's or the person's.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME="$work"
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

failures=0
check() {  # check DESCRIPTION COMMAND...
    if "${@:2}"; then
        echo "ok    $1"
    else
        echo "FAIL  $1"
        failures=$((failures + 1))
    fi
}

contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
okr_accepts() { "$okr" check "$1" --today 2027-03-10 > /dev/null; }

# edit FILE PYTHON: runs PYTHON on the file's JSON as `d`, then writes it back laid out as
# the samples are: every collection sorted by id, two-space indent, a final newline.
edit() {
    python3 -c '
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    d = json.load(f)
exec(sys.argv[2])
for value in d.values():
    if isinstance(value, list):
        value.sort(key=lambda entity: entity["id"])
with open(path, "w", encoding="utf-8") as f:
    f.write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
' "$1" "$2"
}

# add_check_in FILE ID VALUE NOTE: a check-in on kr-win-rate, dated 2027-03-05.
add_check_in() {
    edit "$1" "d['check_ins'].append({'id': '$2', 'key_result': 'kr-win-rate', 'date': '2027-03-05',
        'value': $3, 'confidence': 0.3, 'note': '$4', 'author': 'p-chloe',
        'recorded_at': '2027-03-05T10:00:00.000Z'})"
}

# retitle FILE TITLE UPDATED_AT: kr-win-rate's new title, stamped UPDATED_AT.
retitle() {
    edit "$1" "kr = next(k for k in d['key_results'] if k['id'] == 'kr-win-rate')
kr['title'] = '$2'
kr['updated_at'] = '$3'"
}

commit() { git add -A && git commit -qm "$1"; }

# new_repo DIR [driver]: northwind.okr.json on main, then the branches `laptop` and
# `office` that each add a check-in right after ci-win-rate-08 and retitle kr-win-rate,
# the office later. Leaves `laptop` checked out. With `driver`, the repository merges
# *.okr.json files with okr, as the README says.
new_repo() {
    git init -q -b main "$1" && cd "$1" || return 1
    git config user.name "Test" && git config user.email "test@example.com"
    if [ "${2:-}" = driver ]; then
        echo '*.okr.json merge=okr' > .gitattributes
        git config merge.okr.name "OKR cascade files, merged entity by entity"
        git config merge.okr.driver "'$okr' merge-driver %O %A %B"
    fi
    cp "$examples/northwind-it.json" northwind.okr.json && commit "Northwind IT"

    git checkout -qb laptop
    add_check_in northwind.okr.json ci-win-rate-09-laptop 21.4 "Won the Baltic tender"
    retitle northwind.okr.json "Win more bids: 18% to 25%" 2027-03-04T09:00:00.000Z
    commit "Laptop: check-in and title"

    git checkout -qb office main
    add_check_in northwind.okr.json ci-win-rate-09-office 20.6 "Lost the Rotterdam bid"
    retitle northwind.okr.json "Raise the bid win rate from 18% to 25%" 2027-03-06T09:00:00.000Z
    commit "Office: check-in and title"

    git checkout -q laptop
}

# set_up_or_fail COMMAND...: a step a scenario cannot go on without.
set_up_or_fail() {
    "$@" && return 0
    check "setting up: $*" false
    return 1
}

without_driver() {
    echo "== without the driver"
    set_up_or_fail new_repo "$work/plain" || return
    git merge -q --no-edit office > "$work/plain.log" 2>&1
    local status=$?
    check "git reports a conflict (exit $status)" test "$status" -ne 0
    check "the file holds conflict markers" contains northwind.okr.json "<<<<<<<"
    check "git lists the file as unmerged" test -n "$(git ls-files -u northwind.okr.json)"
}

with_driver() {
    echo "== with the driver"
    set_up_or_fail new_repo "$work/driver" driver || return
    git merge -q --no-edit office 2> "$work/driver.log"
    local status=$?
    sed 's/^/      stderr: /' "$work/driver.log"
    check "git merges cleanly (exit $status)" test "$status" -eq 0
    check "no conflict markers" lacks northwind.okr.json "<<<<<<<"
    check "no closing markers" lacks northwind.okr.json ">>>>>>>"
    check "the laptop's check-in is there" contains northwind.okr.json '"id": "ci-win-rate-09-laptop"'
    check "the office's check-in is there" contains northwind.okr.json '"id": "ci-win-rate-09-office"'
    check "the newer title won" contains northwind.okr.json '"title": "Raise the bid win rate from 18% to 25%"'
    check "the older title is gone" lacks northwind.okr.json "Win more bids"
    check "git recorded a merge commit" test "$(git rev-list --count --merges HEAD)" -eq 1
    check "okr check accepts the result" okr_accepts northwind.okr.json

    # The same file as okr merge gives with the sides swapped: git adds nothing of its own.
    git show laptop:northwind.okr.json > "$work/laptop.json"
    git show office:northwind.okr.json > "$work/office.json"
    "$okr" merge "$work/office.json" "$work/laptop.json" -o "$work/by-hand.json" 2> /dev/null
    check "the result is okr merge's, sides swapped" cmp -s northwind.okr.json "$work/by-hand.json"
}

# Runs after with_driver, in its repository.
side_not_an_okr_file() {
    echo "== with the driver, a side that is not an OKR file"
    cd "$work/driver" && git checkout -qb broken main || return
    printf '<<<<<<< HEAD\n{"format": "okr-cascade"\n=======\n>>>>>>> other\n' > northwind.okr.json
    commit "A conflict committed by mistake"
    git checkout -q laptop
    add_check_in northwind.okr.json ci-win-rate-10-laptop 22.0 "Second tender won"
    commit "Laptop: another check-in" && cp northwind.okr.json "$work/ours.json"

    git merge -q --no-edit broken 2> "$work/broken.log"
    local status=$?
    sed 's/^/      stderr: /' "$work/broken.log"
    check "git reports a conflict (exit $status)" test "$status" -ne 0
    check "the driver says why" contains "$work/broken.log" "theirs holds conflict markers"
    check "ours is left as it was" cmp -s northwind.okr.json "$work/ours.json"
    check "git lists the file as unmerged" test -n "$(git ls-files -u northwind.okr.json)"
    git merge --abort
}

# Runs after with_driver, in its repository.
file_added_on_both_branches() {
    echo "== with the driver, a file both branches added (git gives an empty base)"
    cd "$work/driver" && git checkout -qb sales-laptop laptop || return
    cp "$examples/northwind-sales-offline.json" sales.okr.json
    add_check_in sales.okr.json ci-sales-laptop 21.0 "From the laptop"
    commit "Laptop: sales file"
    git checkout -qb sales-office laptop
    cp "$examples/northwind-sales-offline.json" sales.okr.json
    add_check_in sales.okr.json ci-sales-office 21.5 "From the office"
    commit "Office: sales file"

    git merge -q --no-edit sales-laptop 2> "$work/added.log"
    local status=$?
    sed 's/^/      stderr: /' "$work/added.log"
    check "git merges cleanly (exit $status)" test "$status" -eq 0
    check "nothing is said about the base" lacks "$work/added.log" "base"
    check "the laptop's check-in is there" contains sales.okr.json ci-sales-laptop
    check "the office's check-in is there" contains sales.okr.json ci-sales-office
}

without_driver
with_driver
side_not_an_okr_file
file_added_on_both_branches

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
