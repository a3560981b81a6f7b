"""Settings come from the environment; production settings pass Django's deploy check."""

import os
import sqlite3
import subprocess
import sys

PRODUCTION_ENV = {
    "SECRET_KEY": "k7V4q9yT2mXc8Lr1Zp6Ws3Nd5Fg0Hj2Kb7Qe4Ua9Yt1Io3Pl8Mn6Bv5Cx2Za0Sd",
    "ALLOWED_HOSTS": "forum.example.org",
    "SITE_URL": "https://forum.example.org",
    "DEFAULT_FROM_EMAIL": "Forum <forum@example.org>",
    "EMAIL_HOST": "smtp.example.org",
}


def run_vos(
    *args: str, extra_env: dict[str, str], tmp_path, drop: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "SITE_URL",
            "ALLOWED_HOSTS",
            "PYTEST_XDIST_WORKER",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    for name in drop:
        env.pop(name, None)
    env.update(
        {"DJANGO_SETTINGS_MODULE": "vos.settings", "VOS_DATA_DIR": str(tmp_path), **extra_env}
    )
    return subprocess.run(
        [sys.executable, "-m", "vos", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_passes_with_production_variables(tmp_path):
    result = run_vos(
        "check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION_ENV, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_fails_without_https_site(tmp_path):
    env = {**PRODUCTION_ENV, "SITE_URL": "http://forum.example.org"}
    result = run_vos(
        "check", "--deploy", "--fail-level", "WARNING", extra_env=env, tmp_path=tmp_path
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout  # no HSTS outside https


def test_vos_cfg_file_is_read(tmp_path):
    config = tmp_path / "vos.cfg"
    config.write_text("[vos]\nsite_name = Forum des luttes\ndefault_time_zone = America/Caracas\n")
    result = run_vos(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.VOS_SITE_NAME, settings.VOS_DEFAULT_TIME_ZONE)",
        extra_env={"VOS_CONFIG": str(config)},
        tmp_path=tmp_path,
    )
    assert result.stdout.strip() == "Forum des luttes America/Caracas", result.stderr


def test_environment_wins_over_vos_cfg(tmp_path):
    config = tmp_path / "vos.cfg"
    config.write_text("[vos]\nsite_name = From the file\n")
    result = run_vos(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.VOS_SITE_NAME)",
        extra_env={"VOS_CONFIG": str(config), "SITE_NAME": "From the environment"},
        tmp_path=tmp_path,
    )
    assert result.stdout.strip() == "From the environment", result.stderr


def test_local_mode_is_safe_by_default(tmp_path):
    result = run_vos(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.TASKS['default']['BACKEND'])",
        extra_env={},
        tmp_path=tmp_path,
    )
    env_has_db = bool(os.environ.get("DATABASE_URL"))
    engine = "django.db.backends.postgresql" if env_has_db else "django.db.backends.sqlite3"
    assert result.stdout.strip() == (
        f"False ['127.0.0.1', 'localhost', '[::1]'] {engine} django_tasks_db.DatabaseBackend"
    ), result.stderr
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_sqlite_uses_wal_mode(tmp_path):
    # Whatever database this leg of the suite uses, the embedded default is checked here.
    result = run_vos(
        "migrate", "--no-input", extra_env={}, tmp_path=tmp_path, drop=("DATABASE_URL",)
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "vos.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
