"""
Start the servers the benchmark and `make chaos` load (gunicorn, Varnish,
nginx) on free ports, each in its own process group, and stop them by that
group whatever happens.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(process, url, log, timeout=60):
    """Wait until url answers anything over HTTP; fail early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"{process.args[0]} exited with {process.returncode}:\n{log.read_text()[-3000:]}"
            )
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@contextmanager
def started(command, log, env=None, cwd=None):
    """Run command in its own process group until the block ends; yield the process."""
    with open(log, "w") as output:
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=cwd,
            # Its own group: Ctrl-C reaches only the caller, which stops it here.
            start_new_session=True,
        )
    try:
        yield process
    finally:
        stop(process)


@contextmanager
def running(command, url, log, env=None, cwd=None):
    """Run command as started() does, yielding once url answers."""
    with started(command, log, env=env, cwd=cwd) as process:
        wait_until_answering(process, url, log)
        yield process


def stop(process):
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def gunicorn(port, env, log, application=None, executable=None, cwd=REPOSITORY):
    """
    Serve the site (or another WSGI application, importable from cwd) with
    the repository's gunicorn.conf.py on port; executable is another
    virtualenv's gunicorn.
    """
    command = [
        str(executable or Path(sys.executable).with_name("gunicorn")),
        "--config",
        str(REPOSITORY / "gunicorn.conf.py"),
        *([application] if application else []),
    ]
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    return running(
        command, f"http://127.0.0.1:{port}/robots.txt", log, env=env, cwd=cwd
    )


def readable_by_all(workdir):
    """Open a private temporary directory to the users Varnish and nginx drop to."""
    workdir = Path(workdir)
    workdir.chmod(0o755)
    return workdir


def vcl_for_backend(vcl, port):
    """Return the VCL with its backends pointed at 127.0.0.1:port."""
    vcl = re.sub(r'(\.host\s*=\s*)"[^"]*"', r'\1"127.0.0.1"', vcl)
    return re.sub(r'(\.port\s*=\s*)"[^"]*"', rf'\1"{port}"', vcl)


def vcl_for_backends(vcl, ports):
    """
    Return the VCL with its backend copied once per port on 127.0.0.1, each
    copy with the shipped probe and timeouts, behind a round-robin director.
    """
    match = re.search(r"^backend (\w+) \{.*?^\}\n", vcl, re.MULTILINE | re.DOTALL)
    if match is None:
        raise ValueError("The VCL defines no backend.")
    name = match.group(1)
    copies = [
        vcl_for_backend(match.group(0), port).replace(
            f"backend {name} ", f"backend {name}_{number} ", 1
        )
        for number, port in enumerate(ports, start=1)
    ]
    adds = "".join(
        f"    {name}_pool.add_backend({name}_{number});\n"
        for number in range(1, len(ports) + 1)
    )
    director = f"""
import directors;

sub vcl_init {{
    new {name}_pool = directors.round_robin();
{adds}}}

# Before the shipped vcl_recv, which asks whether the backend is healthy.
sub vcl_recv {{
    set req.backend_hint = {name}_pool.backend();
}}
"""
    return vcl[: match.start()] + "\n".join(copies) + director + vcl[match.end() :]


def varnish(vcl_path, backend_ports, port, workdir):
    """
    Run varnishd in the foreground with a copy of vcl_path in front of
    backend_ports (one port, or several taken in turn).
    """
    workdir = readable_by_all(workdir)
    vcl = workdir / "varnish.vcl"
    shipped = Path(vcl_path).read_text()
    if isinstance(backend_ports, int):
        vcl.write_text(vcl_for_backend(shipped, backend_ports))
    else:
        vcl.write_text(vcl_for_backends(shipped, backend_ports))
    command = [
        "varnishd",
        "-F",
        "-a",
        f"127.0.0.1:{port}",
        "-f",
        str(vcl),
        "-n",
        str(workdir / "varnish"),
        "-s",
        "malloc,256m",
        # As deploy/varnish.vcl asks: it keeps the app's own Brotli and gzip copies.
        "-p",
        "http_gzip_support=off",
    ]
    return running(command, f"http://127.0.0.1:{port}/", workdir / "varnish.log")


def nginx(root, port, workdir):
    """
    Serve the files under root on port with a throwaway nginx configuration,
    each from its .gz twin when there is one and the client accepts gzip.
    """
    workdir = readable_by_all(workdir)
    config = workdir / "nginx.conf"
    config.write_text(
        f"""daemon off;
worker_processes auto;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    gzip_static on;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
    }}
}}
"""
    )
    command = [
        "nginx",
        "-p",
        str(workdir),
        "-c",
        str(config),
        "-e",
        str(workdir / "nginx-error.log"),
    ]
    return running(command, f"http://127.0.0.1:{port}/", workdir / "nginx.log")


def worker_rss_mb(master_pid):
    """Return the resident memory of each child of master_pid, in MB."""
    children = (
        Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    )
    sizes = []
    for child in children:
        status = Path(f"/proc/{child}/status").read_text()
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if match:
            sizes.append(int(match.group(1)) / 1024)
    return sizes
