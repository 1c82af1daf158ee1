"""Publishing (``make publish``, ``publishconf.py``): it needs the site's address,
and one bad wire file does not keep the archive offline.

The real Makefile runs, on a small pile in a temporary folder (``WIRE``,
``CONTENT``, ``OUTPUT`` and the import cache set there): without ``SITEURL``
it stops before importing anything, with exit status 2 and one ``Error:``
line; with a binary file among good ones it builds the site from what
converted, names the bad file and fails with the importer's status, as
``make html`` does (make itself then exits 2, naming the recipe's status).

Then the workflow's own steps, read from ``.github/workflows/pages.yml`` (so the
test and the workflow cannot drift apart), run as GitHub runs them in a local
folder laid out like the repository: the build step publishes what converted
and passes, its job summary names every file that failed, and the last job
(``report``) fails the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_workflow import bash, run_script, step, workflow

pytestmark = pytest.mark.site
GOOD = "2024-04-09-havenbedrijf-jaarcijfers"  # a page of the sample pile, with its sidecar


def make_publish(tmp_path: Path, siteurl: str | None) -> subprocess.CompletedProcess[str]:
    folders = {name: tmp_path / name.lower() for name in ("WIRE", "CONTENT", "OUTPUT")}
    env = {**os.environ, "WIRE_ARCHIVE_CACHE": str(tmp_path / "cache")}
    env.pop("SITEURL", None)
    if siteurl is not None:
        env["SITEURL"] = siteurl
    assignments = [f"{name}={path}" for name, path in folders.items()]
    return subprocess.run(
        ["make", "--no-print-directory", "publish", *assignments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def a_pile(tmp_path: Path, bad: bool) -> Path:
    wire = tmp_path / "wire"
    wire.mkdir()
    for suffix in (".txt", ".meta.yaml"):
        shutil.copy(ROOT / "wire" / "webpages" / f"{GOOD}{suffix}", wire / f"{GOOD}{suffix}")
    if bad:
        (wire / "plaatje.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return wire


@pytest.mark.parametrize("siteurl", [None, "", "/archief", "archief.example"])
def test_without_a_site_address_nothing_is_imported_or_built(
    tmp_path: Path, siteurl: str | None
) -> None:
    a_pile(tmp_path, bad=False)
    done = make_publish(tmp_path, siteurl)
    assert done.returncode == 2 and "siteurl] Error 2" in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and "SITEURL" in errors[0], done.stderr
    assert not (tmp_path / "content").exists() and not (tmp_path / "output").exists()


def test_publishconf_alone_refuses_a_missing_address(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SITEURL"}
    command = [sys.executable, "-m", "pelican", str(ROOT / "content"), "-o", str(tmp_path)]
    done = subprocess.run(
        [*command, "-s", str(ROOT / "publishconf.py"), "-q"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("Error: publishconf.py needs SITEURL"), done.stderr
    assert not any(tmp_path.iterdir())


def test_a_bad_wire_file_fails_the_run_but_not_the_site(tmp_path: Path) -> None:
    a_pile(tmp_path, bad=True)
    done = make_publish(tmp_path, "https://example.org/archief")
    assert done.returncode != 0 and "publish] Error 1" in done.stderr  # the importer's 1
    assert "Error: " in done.stderr and "plaatje.txt" in done.stderr
    output = tmp_path / "output"
    assert (output / "index.html").is_file()
    assert list(output.glob("2024/04/09/*/index.html"))  # the good page's stories, published
    assert "https://example.org/archief/" in (output / "sitemap.xml").read_text("utf-8")


# What a local folder laid out like the repository leaves out: what the workflow
# reads and writes (the pile, the stories, the site, the caches) and git's own.
NOT_LINKED = {"wire", "content", "output", ".cache", ".git", "publish-errors.log"}


def a_checkout(tmp_path: Path) -> Path:
    """A folder with the repository's files (linked), and a wire/ of its own."""
    folder = tmp_path / "checkout"
    folder.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in NOT_LINKED:
            (folder / entry.name).symlink_to(entry)
    a_pile(folder, bad=False)
    return folder


@pytest.mark.parametrize("bad", [True, False])
def test_the_workflow_deploys_what_converted_and_reports_what_did_not(
    tmp_path: Path, bad: bool
) -> None:
    pages = workflow("pages.yml")
    checkout = a_checkout(tmp_path)
    if bad:
        (checkout / "wire" / "plaatje.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    outputs, summary = tmp_path / "github-output", tmp_path / "step-summary"
    env = {
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_STEP_SUMMARY": str(summary),
        "SITEURL": "https://example.org/archief",
        "WIRE_ARCHIVE_BUILD_CACHE": str(tmp_path / "build-cache"),
    }
    assert step(pages, "build", "build")["env"] == {
        "SITEURL": "${{ steps.pages.outputs.base_url }}"
    }
    # The Makefile's and the importer's own folders, in the checkout.
    defaults = ("WIRE", "CONTENT", "OUTPUT", "WIRE_ARCHIVE_CACHE")
    done = bash(run_script(pages, "build", "build"), checkout, env, without=defaults)
    # The step passes: the site is there to deploy, bad file or not.
    assert done.returncode == 0, done.stderr
    assert (checkout / "output" / "index.html").is_file()
    assert list((checkout / "output").glob("2024/04/09/*/index.html"))
    assert "https://example.org/archief/" in (checkout / "output" / "sitemap.xml").read_text(
        "utf-8"
    )
    status = dict(line.split("=", 1) for line in outputs.read_text("utf-8").splitlines())["status"]
    lines = summary.read_text("utf-8").splitlines()
    assert lines[0] == "## Wire files that could not be converted"
    if bad:
        assert status == "2"  # make's status when the import failed
        assert len(lines) == 2 and lines[1].startswith("Error: ") and "plaatje.txt" in lines[1]
        assert lines[1] in done.stderr  # and the log has it too
    else:
        assert status == "0"
        assert lines[1:] == ["None: every file converted."]
    # The last job: red when a file failed, green when none did.
    [check] = pages["jobs"]["report"]["steps"]
    assert check["env"] == {"STATUS": "${{ needs.build.outputs.status }}"}
    reported = bash(check["run"], checkout, {"STATUS": status})
    assert (reported.returncode != 0) is bad
