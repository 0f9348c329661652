"""
The services `make chaos` owns, each on a free port under a temporary
folder, never the shared ones: a PostgreSQL cluster made with initdb (run as
the `postgres` user, as the server refuses root), a Redis server, and the
`flush_reads --every` loop. Each can be stopped and started again, and is
stopped by its PID when the run ends, whatever happens.
"""

import os
import pwd
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from bench import servers

POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")
POSTGRES_USER = "postgres"


def wait_for(check, what, timeout=30):
    """Call check until it returns true; raise after timeout seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not happen within {timeout} s")
        time.sleep(0.05)


def as_postgres(command, **kwargs):
    """Run a PostgreSQL program as the postgres user (the server refuses to run as root)."""
    if os.geteuid() == 0:
        command = ["runuser", "-u", POSTGRES_USER, "--", *command]
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


class PostgreSQL:
    """A throwaway cluster: initdb in folder, served on port."""

    def __init__(self, folder, port):
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.log = self.folder / "postgresql.log"
        self.port = port

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/newsroom"

    def create(self):
        self.folder.mkdir()
        if os.geteuid() == 0:
            account = pwd.getpwnam(POSTGRES_USER)
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        as_postgres(
            [
                str(POSTGRES_BIN / "initdb"),
                "--pgdata",
                str(self.data),
                "--username",
                "postgres",
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--no-sync",  # A throwaway cluster: its files need not survive a power cut.
            ]
        )
        self.start()
        as_postgres(
            [
                str(POSTGRES_BIN / "createdb"),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--username",
                "postgres",
                "newsroom",
            ]
        )

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.folder}"
        )
        as_postgres(
            [
                str(POSTGRES_BIN / "pg_ctl"),
                "--pgdata",
                str(self.data),
                "--log",
                str(self.log),
                "--options",
                options,
                "--wait",
                "start",
            ]
        )

    def stop(self, mode="fast"):
        """Stop the server ("fast": roll back open transactions and disconnect everyone)."""
        as_postgres(
            [
                str(POSTGRES_BIN / "pg_ctl"),
                "--pgdata",
                str(self.data),
                "--mode",
                mode,
                "--wait",
                "stop",
            ]
        )

    def pid(self):
        """Return the postmaster's PID while it runs, else None."""
        try:
            pid = int((self.data / "postmaster.pid").read_text().split()[0])
            os.kill(pid, 0)
        except (FileNotFoundError, IndexError, ValueError, ProcessLookupError):
            return None
        return pid

    def kill(self):
        """Stop the server however it is: pg_ctl first, then its PID."""
        pid = self.pid()
        if pid is None:
            return
        try:
            self.stop(mode="immediate")
        except subprocess.CalledProcessError:
            os.kill(pid, signal.SIGKILL)


class Redis:
    """A redis-server of the run's own, saving its data on a clean stop as production's would."""

    def __init__(self, folder, port):
        self.folder = Path(folder)
        self.port = port
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.folder.mkdir(exist_ok=True)
        with open(self.folder / "redis.log", "a") as log:
            self.process = subprocess.Popen(
                [
                    "redis-server",
                    "--port",
                    str(self.port),
                    "--bind",
                    "127.0.0.1",
                    "--dir",
                    str(self.folder),
                    "--save",
                    "3600 1",
                    "--appendonly",
                    "no",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        wait_for(lambda: self.answers(client), "Redis answering", timeout=10)

    def answers(self, client):
        if self.process.poll() is not None:
            raise RuntimeError(f"redis-server exited with {self.process.returncode}")
        try:
            return client.ping()
        except redis.RedisError:
            return False

    def stop(self):
        """Stop it cleanly (SIGTERM: it saves its data first), by its process group."""
        if self.process is not None:
            servers.stop(self.process)


class FlushLoop:
    """`manage.py flush_reads --every 1`, started again each time it is killed."""

    def __init__(self, env, log):
        self.env = env
        self.log = Path(log)
        self.process = None

    def start(self):
        with open(self.log, "a") as output:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "flush_reads", "--every", "1"],
                cwd=servers.REPOSITORY,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def kill(self):
        """SIGKILL it, as the kernel's OOM killer or a power cut would."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process is not None:
            servers.stop(self.process)

    def passes(self):
        """Return how many passes its log shows finished, and how many failed."""
        log = self.log.read_text()
        return log.count("older than the ranking window"), log.count(
            "Flushing reads failed"
        )
