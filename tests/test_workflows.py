"""CI workflows: valid against GitHub's schema and clean under zizmor."""

from __future__ import annotations

import json
import subprocess

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
BIN = ROOT / ".venv/bin"


def test_there_is_a_deploy_workflow():
    assert ROOT / ".github/workflows/deploy.yml" in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_github_schema(workflow):
    run = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", workflow],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_zizmor_finds_nothing_of_medium_severity_or_above(workflow):
    run = subprocess.run([BIN / "zizmor", "--offline", "--format", "json", "--min-severity", "medium", workflow],
                         capture_output=True, text=True)
    findings = json.loads(run.stdout or "[]")
    assert findings == [], run.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha(workflow):
    steps = [step for job in yaml.safe_load(workflow.read_text())["jobs"].values() for step in job.get("steps", [])]
    for step in steps:
        if "uses" in step:
            reference = step["uses"].split("@", 1)[1]
            assert len(reference) == 40 and all(c in "0123456789abcdef" for c in reference), step["uses"]


def test_deploy_runs_make_test_then_builds_with_the_pages_address():
    jobs = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text())["jobs"]
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    build = {step.get("name"): step for step in jobs["build"]["steps"]}["Build with publishconf.py"]
    assert build["env"]["SITEURL"] == "${{ steps.pages.outputs.base_url }}"
    assert jobs["deploy"]["needs"] == "build" and jobs["build"]["needs"] == "test"


def test_ci_entry_point_calls_make_test():
    assert "make test" in (ROOT / ".ci/run").read_text()
